//! The lines documents have besides prose, the way each language writes them: dates (`le 3
//! mars 2021`, `March 3, 2021`, `3 de março de 2021`, `03/03/2021`), amounts in euros
//! (`1 234,50 €`, `€1,234.50`, `1.234,50 €`), phone and invoice numbers, times, a quantity times
//! a price, and the place a letter is written from.

use rand::RngExt;

use crate::text::Lang;

/// One of `items`.
fn pick<'a, R: rand::Rng>(rng: &mut R, items: &[&'a str]) -> &'a str {
    items[rng.random_range(0..items.len())]
}

/// Where a letter is written from.
pub fn city<R: rand::Rng>(lang: Lang, rng: &mut R) -> &'static str {
    match lang {
        Lang::Fr => pick(
            rng,
            &["Paris", "Lyon", "Nantes", "Bordeaux", "Lille", "Grenoble"],
        ),
        Lang::En => pick(
            rng,
            &["London", "Leeds", "Bristol", "York", "Dublin", "Oxford"],
        ),
        Lang::Pt => pick(
            rng,
            &["Lisboa", "Porto", "Coimbra", "Braga", "Faro", "Évora"],
        ),
    }
}

const MONTHS: [[&str; 12]; 3] = [
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
];

/// A date written out or in digits, the way the language writes it.
pub fn date<R: rand::Rng>(lang: Lang, rng: &mut R) -> String {
    let (d, m, y) = (
        rng.random_range(1..=28),
        rng.random_range(1..=12),
        rng.random_range(1987..=2025),
    );
    let month = MONTHS[lang as usize][m - 1];
    match (lang, rng.random_range(0..3)) {
        (_, 0) => format!("{d:02}/{m:02}/{y}"),
        (Lang::Fr, _) => format!("le {d} {month} {y}"),
        (Lang::En, 1) => format!("{d} {month} {y}"),
        (Lang::En, _) => format!("{month} {d}, {y}"),
        (Lang::Pt, _) => format!("{d} de {month} de {y}"),
    }
}

/// An amount in euros: `1 234,50 €` in French, `1234,50 €` in Portuguese, `€1,234.50` in English.
pub fn amount<R: rand::Rng>(lang: Lang, rng: &mut R) -> String {
    let cents: u32 = if rng.random_bool(0.7) {
        rng.random_range(50..20_000)
    } else {
        rng.random_range(20_000..500_000)
    };
    let (units, c) = (cents / 100, cents % 100);
    let grouped = |sep: &str| {
        if units >= 1000 {
            format!("{}{sep}{:03}", units / 1000, units % 1000)
        } else {
            units.to_string()
        }
    };
    match lang {
        Lang::Fr => format!("{},{c:02} €", grouped(" ")),
        Lang::Pt => format!("{},{c:02} €", grouped(".")),
        Lang::En => format!("€{}.{c:02}", grouped(",")),
    }
}

/// A line of the kind documents have besides prose: a total, a reference, a phone number, a
/// date, an appointment, a quantity times a price.
pub fn number_line<R: rand::Rng>(lang: Lang, rng: &mut R) -> String {
    let n = rng.random_range(1..=9999);
    let y = rng.random_range(2015..=2025);
    let (h, min) = (rng.random_range(8..=19), 5 * rng.random_range(0..12));
    let phone = || {
        format!(
            "0{} {:02} {:02} {:02}",
            (n % 9) + 1,
            n % 100,
            (n * 7) % 100,
            (n * 13) % 100
        )
    };
    let which = rng.random_range(0..6);
    let (amount, date) = (amount(lang, rng), date(lang, rng));
    let qty = rng.random_range(2..=12);
    match (lang, which) {
        (Lang::Fr, 0) => format!("Total : {amount}"),
        (Lang::Fr, 1) => format!("Facture n° {y}-{n:04}"),
        (Lang::Fr, 2) => format!("Tél. : {}", phone()),
        (Lang::Fr, 3) => format!("Rendez-vous {date} à {h}h{min:02}"),
        (Lang::Fr, 4) => format!("{qty} x {amount}"),
        (Lang::Fr, _) => format!("Échéance : {date}"),
        (Lang::En, 0) => format!("Total: {amount}"),
        (Lang::En, 1) => format!("Invoice no. {y}-{n:04}"),
        (Lang::En, 2) => format!("Tel: {}", phone()),
        (Lang::En, 3) => format!("Appointment on {date} at {h}:{min:02}"),
        (Lang::En, 4) => format!("{qty} x {amount}"),
        (Lang::En, _) => format!("Due date: {date}"),
        (Lang::Pt, 0) => format!("Total: {amount}"),
        (Lang::Pt, 1) => format!("Fatura n.º {y}/{n:04}"),
        (Lang::Pt, 2) => format!("Tel.: {}", phone()),
        (Lang::Pt, 3) => format!("Consulta a {date} às {h}h{min:02}"),
        (Lang::Pt, 4) => format!("{qty} x {amount}"),
        (Lang::Pt, _) => format!("Data de vencimento: {date}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn numbers_are_written_the_way_each_language_writes_them() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for _ in 0..50 {
            let fr = amount(Lang::Fr, &mut rng);
            assert!(fr.ends_with(" €") && fr.contains(','), "{fr}");
            let en = amount(Lang::En, &mut rng);
            assert!(en.starts_with('€') && en.contains('.'), "{en}");
        }
    }
}
