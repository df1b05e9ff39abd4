//! `precis-wasm-split IN.wasm OUT_DIR NAME`: splits the browser bundle at its lazy split points
//! (Leptos's `#[lazy]` and `#[lazy_route]`, compiled with `-C link-args=--emit-relocs`).
//!
//! Writes into OUT_DIR:
//! - `NAME_split.wasm`, the main module, for wasm-bindgen to finish;
//! - one `.wasm` per chunk, fetched when a page or function that needs it is first used;
//! - `__wasm_split.js`, the loader the main module imports the chunks through (it imports
//!   `initSync` from `./NAME.js`, wasm-bindgen's script);
//! - `__wasm_split_manifest.json`, which chunks each lazy function needs: the server names
//!   them in a page's `<head>` so that the browser fetches them along with the main module.
//!
//! The same steps as cargo-leptos's `--split`, for scripts/build.sh, which builds by hand.

use std::path::PathBuf;
use std::process::ExitCode;

use wasm_split_cli_support::{transform, Options};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--version") {
        // scripts/setup.sh reinstalls the tool when this line changes
        println!(
            "precis-wasm-split {} (wasm_split_cli_support 0.2.4)",
            env!("CARGO_PKG_VERSION")
        );
        return ExitCode::SUCCESS;
    }
    let [input, out_dir, name] = args.as_slice() else {
        eprintln!("usage: precis-wasm-split IN.wasm OUT_DIR NAME");
        return ExitCode::from(2);
    };
    match split(input.into(), out_dir.into(), name) {
        Ok(chunks) => {
            println!("{chunks} chunks");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("precis-wasm-split: {message}");
            ExitCode::FAILURE
        }
    }
}

fn split(input: PathBuf, out_dir: PathBuf, name: &str) -> Result<usize, String> {
    let wasm =
        std::fs::read(&input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    std::fs::create_dir_all(&out_dir)
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let main_out = out_dir.join(format!("{name}_split.wasm"));
    let main_module = format!("./{name}.js");
    let mut options = Options::new(&wasm);
    options.output_dir = &out_dir;
    options.main_out_path = &main_out;
    options.main_module = &main_module;
    options.link_name = "./__wasm_split.js";
    let split =
        transform(options).map_err(|e| format!("cannot split {}: {e:#}", input.display()))?;
    let manifest = serde_json::to_string_pretty(&split.prefetch_map)
        .map_err(|e| format!("cannot write the manifest: {e}"))?;
    let manifest_path = out_dir.join("__wasm_split_manifest.json");
    std::fs::write(&manifest_path, manifest)
        .map_err(|e| format!("cannot write {}: {e}", manifest_path.display()))?;
    Ok(split.split_modules.len())
}
