//! The plots: well-formed, accessible, escaped, translated, stable in style.

use super::{assert_well_formed, report, FEW, NASTY};
use crate::eval::{Prediction, THRESHOLD};
use crate::report::markdown::paired_sentence;
use crate::report::*;

#[test]
fn svgs_are_well_formed_accessible_and_escaped() {
    let r = report();
    for f in files(&r).iter().filter(|f| f.name.ends_with(".svg")) {
        assert_well_formed(&f.contents);
        assert!(
            f.contents.contains("Forest &lt;b&gt;&amp;&quot;&apos;|"),
            "{}",
            f.name
        );
        assert!(!f.contents.contains(NASTY));
    }
    let set = r.set(SetKind::UnseenFonts).unwrap();
    let roc = svg::roc(set, &Labels::english());
    // each model's AUC in words, its colour and its dash pattern
    for (i, m) in set.results.iter().enumerate() {
        let auc = Labels::english().number(m.metrics.roc_auc.unwrap().value, 3);
        assert!(roc.contains(&format!("AUC {auc} (95% CI")), "{auc}");
        assert!(roc.contains(svg::PALETTE[i]) && roc.contains(svg::DASHES[i]));
    }
}

#[test]
fn svgs_take_other_words_and_decimal_marks() {
    let mut fr = Labels::english();
    fr.decimal_separator = ',';
    fr.roc_title = "Courbes ROC".into();
    fr.sets.real_scans = "scans réels".into();
    let r = report();
    let set = r.set(SetKind::RealScans).unwrap();
    let roc = svg::roc(set, &fr);
    assert!(roc.contains("<title id=\"roc-real-scans-title\">Courbes ROC — scans réels</title>"));
    assert!(roc.contains(">0,2</text>") && !roc.contains(">0.2</text>"));
    let reliability = svg::reliability(set, &fr);
    assert_well_formed(&reliability);
    assert!(reliability.contains(">0,4</text>"));
}

#[test]
fn degenerate_sets_still_draw() {
    let one_class: Vec<Prediction> = (0..5)
        .map(|i| Prediction::new(true, 0.2 * i as f64, "g"))
        .collect();
    let models: Vec<(&str, &[Prediction])> = vec![("only", &one_class), ("twin", &one_class)];
    let set = SetReport::evaluate(SetKind::RealScans, &models, THRESHOLD, &FEW).unwrap();
    let empty = SetReport::evaluate(SetKind::RealScans, &[], THRESHOLD, &FEW).unwrap();
    let labels = Labels::english();
    for s in [&set, &empty] {
        let roc = svg::roc(s, &labels);
        assert_well_formed(&roc);
        assert!(roc.contains(&labels.no_data));
        assert_well_formed(&svg::confusion(s, &labels));
        assert_well_formed(&svg::reliability(s, &labels));
    }
    assert!(svg::roc(&set, &labels).contains("AUC undefined"));
    let c = set.comparison.as_ref().unwrap();
    assert!(paired_sentence(c, "real scans").contains("AUC difference undefined"));
}

#[test]
fn a_model_keeps_its_colour_in_every_set() {
    let r = report();
    let labels = Labels::english();
    let mut colours: std::collections::HashMap<String, String> = Default::default();
    let mut orders = std::collections::HashSet::new();
    for set in &r.sets {
        let roc = svg::roc(set, &labels);
        let strokes = roc
            .split("<polyline")
            .skip(1)
            .map(|p| p.split("stroke=\"").nth(1).unwrap_or("")[..7].to_string());
        let names: Vec<&str> = set.results.iter().map(|m| m.model.as_str()).collect();
        orders.insert(names.clone());
        for (name, colour) in names.into_iter().zip(strokes) {
            let seen = colours.entry(name.to_string()).or_insert(colour.clone());
            assert_eq!(*seen, colour, "{name} changes colour in {:?}", set.kind);
        }
    }
    assert_eq!(colours.len(), 3);
    // the rankings differ between sets, so this test means something
    assert!(orders.len() > 1);
}
