//! The layers of `src/`: each top-level module uses only the modules of lower layers, so
//! no import runs back up (content → index → answer → core → transports). Read from the
//! source text: every `crate::name` in the code (not the comments) of a module's files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level modules by layer, lowest first; a module may use anything below its layer.
const LAYERS: &[&[&str]] = &[
    &["messages"],
    &["content"],
    &["config"],
    &["index"],
    &["answer"],
    &["core"],
    &["console", "discord", "eval"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The top-level modules each top-level module refers to as `crate::name`.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path.strip_prefix(&src).unwrap();
            let first = rel
                .components()
                .next()
                .unwrap()
                .as_os_str()
                .to_string_lossy();
            let module = first.trim_end_matches(".rs").to_string();
            if module == "lib" || module == "main" {
                continue;
            }
            // Code only: doc links may name any module.
            let text: String = std::fs::read_to_string(&path)
                .unwrap()
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            let used = graph.entry(module.clone()).or_default();
            for (at, _) in text.match_indices("crate::") {
                let name: String = text[at + 7..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if name != module && !name.is_empty() {
                    used.insert(name);
                }
            }
        }
    }
    graph
}

#[test]
fn every_module_of_src_belongs_to_a_layer() {
    for module in imports().keys() {
        assert!(
            layer_of(module).is_some(),
            "src/{module} has no layer in tests/layers.rs"
        );
    }
}

#[test]
fn no_module_imports_one_of_its_own_or_a_higher_layer() {
    let mut wrong = Vec::new();
    for (module, used) in imports() {
        let own = layer_of(&module).unwrap();
        for other in used {
            match layer_of(&other) {
                Some(layer) if layer < own => {}
                _ => wrong.push(format!("{module} → {other}")),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that run up or sideways: {wrong:?}"
    );
}

#[test]
fn no_two_modules_import_each_other() {
    let graph = imports();
    for (module, used) in &graph {
        for other in used {
            let back = graph.get(other).is_some_and(|u| u.contains(module));
            assert!(!back, "{module} and {other} import each other");
        }
    }
}
