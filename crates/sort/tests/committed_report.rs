//! `docs/sort/` is the shipped model's report as the code writes it: the Markdown and every plot
//! made again from the bundle's report are byte for byte the committed files. A change to the
//! report's code or to the shipped model without `precis classifier train --report docs/sort`
//! fails here.

use std::path::Path;

use precis_sort::bundle::Bundle;
use precis_sort::report::files;

#[test]
fn the_committed_report_is_the_shipped_models() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/sort");
    let bundle = Bundle::builtin().expect("the shipped bundle loads");
    let made = files(&bundle.report);
    assert!(made.len() >= 13, "{} files", made.len());
    for f in &made {
        let committed = std::fs::read(docs.join(&f.name))
            .unwrap_or_else(|e| panic!("docs/sort/{}: {e}", f.name));
        assert!(
            committed == f.contents.as_bytes(),
            "docs/sort/{} differs from what the code makes of the shipped report",
            f.name
        );
    }
    let committed = std::fs::read_dir(&docs).expect("docs/sort").count();
    assert_eq!(
        committed,
        made.len(),
        "docs/sort holds files the report does not make"
    );
}
