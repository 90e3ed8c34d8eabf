//! The `diagasso` binary: parse the command line and hand over to `diagasso::cli`.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Behave like every Unix tool when the reader goes away (`diagasso list | head`): end
    // quietly instead of failing on a broken pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args = diagasso::cli::Args::parse();
    diagasso::cli::run(args)
}
