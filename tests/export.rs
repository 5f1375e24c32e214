use crate::util::{seed, Workspace};

/// The DOT export renders with Graphviz itself (installed by .ci/run).
#[test]
fn dot_export_renders_with_graphviz() {
    let ws = Workspace::new();
    ws.cmd(&["ingest", seed().to_str().unwrap()]).assert().success();
    let out = ws.dir.path().join("g.dot");
    ws.cmd(&["export", "--format", "dot", "--out", out.to_str().unwrap()]).assert().success();
    let dot = std::fs::read_to_string(&out).unwrap();
    assert!(dot.contains("North Korea") && dot.contains("condemn"), "{dot}");
    let svg = std::process::Command::new("dot")
        .args(["-Tsvg", out.to_str().unwrap()])
        .output()
        .expect("Graphviz `dot` must be installed (see .ci/run)");
    assert!(svg.status.success(), "{}", String::from_utf8_lossy(&svg.stderr));
    assert!(String::from_utf8_lossy(&svg.stdout).contains("<svg"));
}
