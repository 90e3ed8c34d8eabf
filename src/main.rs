//! The `diagasso` binary: parse the command line and hand over to `diagasso::cli`.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = diagasso::cli::Args::parse();
    diagasso::cli::run(args)
}
