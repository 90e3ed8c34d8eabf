//! The `diagasso` binary: parse the command line, then dispatch: a subcommand to
//! `diagasso::cli`, no subcommand to an interactive front end (the full-screen interface, or
//! the line mode when asked or when the terminal cannot hold a full screen). This is the only
//! place that knows all three front ends.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use diagasso::app::launch;
use diagasso::cli::{Args, ThemeArg};
use diagasso::i18n::Message;
use diagasso::i18n::ui::Ui;
use diagasso::tui::theme::{Theme, ThemeName};

fn main() -> ExitCode {
    // Behave like every Unix tool when the reader goes away (`diagasso list | head`): end
    // quietly instead of failing on a broken pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args = Args::parse();
    let ctx = args.context();
    match args.command {
        Some(command) => diagasso::cli::run(&ctx, command),
        None => interactive(&args, &ctx),
    }
}

/// Open the store, then the full-screen interface or the line mode.
fn interactive(args: &Args, ctx: &diagasso::cli::Context) -> ExitCode {
    let lang = ctx.lang;
    let fail = |m: Message| {
        eprintln!("{}", m.get(lang));
        ExitCode::FAILURE
    };
    let (mut store, path) = match launch::open_store(ctx.db.as_deref()) {
        Ok(opened) => opened,
        Err(m) => return fail(m),
    };
    if launch::wants_plain(args.plain) {
        let stdin = std::io::stdin();
        let echo = !stdin.is_terminal();
        let result = diagasso::plain::run(
            &mut store,
            lang,
            launch::trainer(),
            stdin.lock(),
            std::io::stdout().lock(),
            echo,
        );
        return match result {
            Ok(()) => ExitCode::SUCCESS,
            // A closed output (a pipe to `head`) is not an error worth a message.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => fail(launch::plain_stopped(&e)),
        };
    }
    let no_color = std::env::var("NO_COLOR").is_ok_and(|v| !v.is_empty());
    let theme = args.theme.map(|t| match t {
        ThemeArg::Dark => ThemeName::Dark,
        ThemeArg::Mono => ThemeName::Mono,
    });
    let options = diagasso::tui::Options {
        lang,
        theme: Theme::pick(theme, no_color),
        trainer: launch::trainer(),
    };
    match diagasso::tui::run(&mut store, options) {
        Ok(()) => {
            println!("{}", Ui::Goodbye.fill(lang, &[&path.display()]));
            ExitCode::SUCCESS
        }
        Err(m) => fail(m),
    }
}
