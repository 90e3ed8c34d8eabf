//! The destination of a recommendation in words a step can use (`Recommendation::target`): the
//! software its chosen provider runs for the need, or — for a host that names none — the host's
//! service in words ("le service « Courriel » d'Infini (logiciel à demander)"), never a software
//! the host does not list.

use crate::i18n::Text;

use super::hosts::{Provider, ProviderKind};
use super::recommend::{Recommendation, SoftwareRef};

impl Recommendation {
    /// Where the need goes, in words a step can use: "Nextcloud", or for a host naming no
    /// software for the need "le service « Courriel » de X (logiciel à demander)" — never a
    /// software the chosen host does not list. `software` is `None` in the second case; `at`
    /// is the provider to write after the software ("chez X"), when one applies.
    pub fn target(&self) -> Target<'_> {
        let provider = self.chosen();
        match (self.software.first(), provider) {
            (None, Some(p)) if p.kind == ProviderKind::Host => Target {
                software: None,
                at: None,
                text: Text::new(
                    format!(
                        "le service « {} » {} (logiciel à demander)",
                        self.label.fr,
                        crate::i18n::typo::elide("de", &p.name)
                    ),
                    format!(
                        "the '{}' service of {} (ask which software)",
                        self.label.en, p.name
                    ),
                ),
            },
            (Some(s), _) => Target {
                software: Some(s),
                at: provider.filter(|p| {
                    p.name != s.name
                        && matches!(
                            p.kind,
                            ProviderKind::Framaspace | ProviderKind::Host | ProviderKind::Service
                        )
                }),
                text: Text::new(s.name.clone(), s.name.clone()),
            },
            (None, _) => Target {
                software: None,
                at: None,
                text: self.label.clone(),
            },
        }
    }
}

/// What a step names as the destination of a need (`Recommendation::target`).
#[derive(Debug, Clone, PartialEq)]
pub struct Target<'r> {
    /// The software to name; `None` when the chosen host names none for the need.
    pub software: Option<&'r SoftwareRef>,
    /// The provider it runs at, when it is not the software itself.
    pub at: Option<&'r Provider>,
    /// The destination in words, without the provider.
    pub text: Text,
}
