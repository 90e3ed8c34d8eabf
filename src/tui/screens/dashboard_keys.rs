//! The dashboard's commands (drawn by `dashboard.rs`): moving between tabs and in them
//! (`DashboardState::cmd`), Enter opens the audit under the cursor (leaving it comes back to
//! the dashboard), `v` its plan, `a` adds an association (its audit starts at once inside the
//! workshop), `e` writes the dashboard as HTML and CSV; and the state a freshly computed
//! dashboard opens in.

use super::super::keymap::Cmd;
use super::super::state::{Ctx, Nav, Outcome, Session};
use super::super::theme::Theme;
use super::dashboard::{DashboardState, Tab};
use crate::app::effect::Effect;
use crate::i18n::Lang;
use crate::i18n::ui::Ui;
use crate::workshop::{Dashboard, Pools, Workshop};

/// Commands on a workshop's dashboard.
pub fn cmd(d: &mut DashboardState, cx: &mut Ctx, cmd: Cmd) -> Outcome {
    if d.cmd(cmd) {
        return Outcome::none();
    }
    let workshop_id = d.workshop.id.clone();
    match cmd {
        Cmd::Enter => match d.selected_audit() {
            Some(p) => Outcome::from(vec![Effect::OpenAudit {
                audit_id: p.audit_id.clone(),
            }]),
            None => {
                d.tab = Tab::Progress;
                d.scroll = 0;
                Outcome::none()
            }
        },
        Cmd::Plan => match d.selected_audit() {
            Some(p) => Outcome::from(vec![Effect::OpenPlan {
                audit_id: p.audit_id.clone(),
            }])
            .with_notice(Ui::PlanComputing.get(cx.lang)),
            None => Outcome::none(),
        },
        Cmd::NewAssociation => Outcome::go(Nav::Profile(None)),
        Cmd::Export => Outcome::from(vec![Effect::ExportDashboard {
            workshop_id,
            dir: cx.export_dir.clone(),
        }])
        .with_notice(Ui::ExportWriting.get(cx.lang)),
        Cmd::Back => Outcome::go(Nav::Workshops),
        Cmd::Quit => Outcome::go(Nav::Quit),
        _ => Outcome::none(),
    }
}

/// The dashboard just computed: the same one refreshed keeps its tab and place; opened (or
/// back from an audit) it shows the list of audits, on the one just left.
pub fn opened(
    old: Option<&DashboardState>,
    left: Option<Session>,
    lang: Lang,
    theme: Theme,
    loaded: (Workshop, Dashboard, Pools),
) -> DashboardState {
    let (workshop, dashboard, pools) = loaded;
    let mut state = DashboardState::new(lang, theme, workshop, dashboard);
    state.pools = pools;
    match old {
        Some(old) if old.workshop.id == state.workshop.id => {
            state.tab = old.tab;
            state.scroll = old.scroll;
            state.move_cursor(old.selected as isize);
        }
        _ => {
            state.tab = Tab::Progress;
            if let Some(s) = left {
                state.show_progress_of(&s.audit_id);
            }
        }
    }
    state
}
