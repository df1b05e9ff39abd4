//! What a language model is asked: the numbered passages first, then the question, with the
//! instruction to answer only from them and cite them.

/// The instruction and the passages that fit `budget` (a token counter decides), and how many
/// passages were given: citations beyond that number are dropped.
pub fn build(
    question: &str,
    passages: &[(&str, &str)],
    budget: usize,
    count_tokens: &dyn Fn(&str) -> usize,
) -> (String, usize) {
    let head = "Answer the question using only the numbered passages below. After each fact, \
                cite the passage it comes from by its number in square brackets, like [1]. If \
                the passages do not contain the answer, say that you do not know. Answer in \
                the language of the question, in a few sentences.\n\n";
    let tail = format!("\nQuestion: {question}\nAnswer:");
    let mut used = count_tokens(head) + count_tokens(&tail);
    let mut body = String::new();
    let mut given = 0;
    for (i, (title, text)) in passages.iter().enumerate() {
        let block = format!("[{}] ({title}) {text}\n\n", i + 1);
        let cost = count_tokens(&block);
        if used + cost > budget && given > 0 {
            break;
        }
        used += cost;
        body.push_str(&block);
        given += 1;
    }
    (format!("{head}{body}{tail}"), given)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> usize {
        s.split_whitespace().count()
    }

    #[test]
    fn passages_come_numbered_before_the_question() {
        let (p, given) = build(
            "Who?",
            &[("A", "Alice did it."), ("B", "Bob helped.")],
            1000,
            &words,
        );
        assert_eq!(given, 2);
        let one = p.find("[1] (A) Alice did it.").unwrap();
        let two = p.find("[2] (B) Bob helped.").unwrap();
        let q = p.find("Question: Who?").unwrap();
        assert!(one < two && two < q);
    }

    #[test]
    fn passages_beyond_the_budget_are_left_out_but_never_the_first() {
        let long = "word ".repeat(50);
        let (p, given) = build("Q?", &[("A", &long), ("B", &long)], 60, &words);
        assert_eq!(given, 1);
        assert!(!p.contains("[2]"));
        let (_, given) = build("Q?", &[("A", &long)], 1, &words);
        assert_eq!(given, 1);
    }
}
