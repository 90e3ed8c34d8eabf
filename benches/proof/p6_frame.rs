//! P6: drawing one walk frame at 200×60 on ratatui's TestBackend: the app opens a generated
//! audit through the real executor (in-memory store), then each sample draws the question it
//! stands on and, untimed, moves to the next one (Tab, then Shift-Tab back from the last), so
//! every sample draws a new question (the whole screen differs from the last frame) and the
//! samples cover every kind of question, the sections panel and the gauges.

use std::time::Instant;

use diagasso::app::effect::Effect;
use diagasso::app::effects::{Executor, choices, shipped_questionnaires};
use diagasso::i18n::Lang;
use diagasso::store::Store;
use diagasso::tui::Action;
use diagasso::tui::App;
use diagasso::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Options, Row, Samples, show, testdata};

/// Carry out effects as the run loop does, feeding results back.
fn settle(app: &mut App, exec: &mut Executor<'_>, effects: Vec<Effect>) {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        for action in exec.execute(effect) {
            queue.extend(app.update(action));
        }
    }
}

pub fn run(o: &Options) -> Result<Vec<Row>, String> {
    let (w, h) = (200, 60);
    let q = testdata::questionnaire();
    let mut store = Store::open_in_memory().map_err(|e| e.message().en.clone())?;
    testdata::fill(&mut store, &q, 11, 0, 1, 1)?;
    let audit_id = store
        .list_audits("", 0, 1)
        .map_err(|e| e.message().en.clone())?
        .first()
        .map(|s| s.id.clone())
        .ok_or("no audit")?;
    let qs = shipped_questionnaires();
    let mut exec = Executor::new(&mut store, Lang::Fr, "bench".into(), qs.clone());
    let (mut app, first) = App::new(Lang::Fr, Theme::dark(), choices(&qs, Lang::Fr));
    app.update(Action::Resize(w, h));
    settle(&mut app, &mut exec, first);
    settle(&mut app, &mut exec, vec![Effect::OpenAudit { audit_id }]);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).map_err(|e| e.to_string())?;
    terminal.draw(|f| app.draw(f)).map_err(|e| e.to_string())?;
    let screen = format!("{}", terminal.backend());
    if !screen.contains("Question ") {
        return Err(format!("the walk is not on screen:\n{screen}"));
    }
    let n = if o.quick { 200 } else { 5_000 };
    let next = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    let back = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
    let mut forward = true;
    let mut v = Vec::with_capacity(n);
    let mut frames = std::collections::BTreeSet::new();
    for _ in 0..n {
        let t = Instant::now();
        terminal.draw(|f| app.draw(f)).map_err(|e| e.to_string())?;
        v.push(t.elapsed());
        if frames.len() < 200 {
            frames.insert(format!("{}", terminal.backend()));
        }
        let walk = app.session.as_ref().map(|s| &s.walk);
        if walk.is_some_and(|w| w.at_end()) {
            forward = false;
        } else if walk.is_some_and(|w| !w.visible()[..w.cursor()].contains(&true)) {
            forward = true;
        }
        if let Some(action) = app.key_action(if forward { next } else { back }) {
            let effects = app.update(action);
            settle(&mut app, &mut exec, effects);
        }
    }
    let s = Samples::new(v);
    Ok(vec![Row {
        part: "P6",
        what: format!(
            "draw one walk frame, {w}×{h}, TestBackend, median of {} over {} different screens",
            s.len(),
            frames.len()
        ),
        figure: format!("{} (p99 {})", show(s.median()), show(s.pct(99.0))),
        reference: "—".into(),
        ratio: "—".into(),
        target: "≤ 1 ms",
        met: Some(s.median() <= std::time::Duration::from_millis(1)),
    }])
}
