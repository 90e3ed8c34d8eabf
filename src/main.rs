//! The `diagasso` binary: parse the command line, then dispatch: a subcommand to
//! `diagasso::cli`, no subcommand to an interactive front end (the full-screen interface, or
//! the line mode when asked or when the terminal cannot hold a full screen). This is the only
//! place that knows all three front ends.

use std::io::IsTerminal;
use std::process::ExitCode;

use diagasso::app::{launch, settings};
use diagasso::cli::{self, Args, ThemeArg};
use diagasso::i18n::Message;
use diagasso::i18n::ui::Ui;
use diagasso::safe_text::{Escaped, terminal};
use diagasso::tui::theme::{Theme, ThemeName};

fn main() -> ExitCode {
    // Behave like every Unix tool when the reader goes away (`diagasso list | head`): end
    // quietly instead of failing on a broken pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // The settings first: the help is shown in the language they give, unless `--lang` is on
    // the command line (read before clap parses it).
    let settings = settings::load();
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = cli::lang_of(cli::help::lang_in_argv(&argv), &settings);
    let args = cli::help::parse(argv, lang);
    let ctx = args.context(settings);
    match args.command {
        Some(command) => {
            // A settings file that was ignored is said once, on standard error.
            if let Some(w) = &ctx.settings.warning {
                eprintln!("{}", terminal(w.get(ctx.lang)));
            }
            diagasso::cli::run(&ctx, command)
        }
        None => interactive(&args, &ctx),
    }
}

/// Open the store, then the full-screen interface or the line mode.
fn interactive(args: &Args, ctx: &diagasso::cli::Context) -> ExitCode {
    let lang = ctx.lang;
    let fail = |m: Message| {
        eprintln!("{}", terminal(m.get(lang)));
        ExitCode::FAILURE
    };
    let (mut store, path) = match launch::open_store(ctx.db.as_deref()) {
        Ok(opened) => opened,
        Err(m) => return fail(m),
    };
    let settings = &ctx.settings;
    if launch::wants_plain(args.plain || settings.plain.value) {
        let stdin = std::io::stdin();
        let echo = !stdin.is_terminal();
        let result = diagasso::plain::run(
            &mut store,
            lang,
            settings,
            stdin.lock(),
            // Everything the line mode writes is escaped (stored names, echoed input).
            Escaped::new(std::io::stdout().lock()),
            echo,
        );
        return match result {
            Ok(()) => ExitCode::SUCCESS,
            // A closed output (a pipe to `head`) is not an error worth a message.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => fail(launch::plain_stopped(&e)),
        };
    }
    // `--theme`, else the setting (itself `mono` under NO_COLOR when the file says nothing).
    let theme = match args.theme {
        Some(ThemeArg::Dark) => ThemeName::Dark,
        Some(ThemeArg::Light) => ThemeName::Light,
        Some(ThemeArg::Mono) => ThemeName::Mono,
        None => match settings.theme.value {
            settings::ThemeChoice::Dark => ThemeName::Dark,
            settings::ThemeChoice::Light => ThemeName::Light,
            settings::ThemeChoice::Mono => ThemeName::Mono,
        },
    };
    let options = diagasso::tui::Options {
        lang,
        theme: Theme::pick(Some(theme), false),
        trainer: settings.trainer(),
        export_dir: settings.export_folder.value.clone(),
        anonymise: settings.anonymise.value,
        warning: settings.warning.as_ref().map(|w| w.get(lang).to_string()),
    };
    match diagasso::tui::run(&mut store, options) {
        Ok(()) => {
            println!("{}", terminal(&Ui::Goodbye.fill(lang, &[&path.display()])));
            ExitCode::SUCCESS
        }
        Err(m) => fail(m),
    }
}
