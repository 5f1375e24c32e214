//! The `newsgraph` command: parses arguments and hands them to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = newsgraph::cli::Args::parse();
    newsgraph::cli::run(args)
}
