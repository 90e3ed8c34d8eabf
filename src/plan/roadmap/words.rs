//! The words of a step that are not the catalogue's: its title from its kind (« passer d'Excel
//! et du papier à Nextcloud chez Frama.space », never a French name in English, « de » elided
//! and contracted), and its indicative cost (for a host, the offer retained for this association,
//! priced for its size by `hosts`).

use crate::catalog::Catalog;
use crate::i18n::{Lang, Text, typo};

use super::super::hosts::{HostPick, Provider, ProviderKind};
use super::super::needs::ToolUse;
use super::super::recommend::Recommendation;
use super::{Cost, StepKind};

pub(super) fn free_cost(note: Option<Text>) -> Cost {
    Cost {
        eur_per_year: Some(0.0),
        text: note.unwrap_or_else(|| Text::new("gratuit", "free of charge")),
    }
}

/// The tools as the complement of « de » in French (« d'Excel et du papier ») and plainly in
/// English.
pub(super) fn from_phrase(items: &[Text]) -> Text {
    let fr: Vec<String> = items.iter().map(|t| typo::de(&t.fr)).collect();
    let en: Vec<&str> = items.iter().map(|t| t.en.as_str()).collect();
    Text::new(typo::list(Lang::Fr, &fr), typo::list(Lang::En, &en))
}

pub(super) fn names(tools: &[&ToolUse]) -> Vec<Text> {
    tools.iter().map(|t| t.name.clone()).collect()
}

pub(super) fn title(
    kind: StepKind,
    reco: &Recommendation,
    items: &[Text],
    provider: Option<(ProviderKind, &str, &str)>,
    free: &Text,
    catalog: &Catalog,
) -> Text {
    let label = &reco.label;
    // The destination as the recommendation names it: the software its provider runs for the
    // need, or the host's service in words when it names none (`Recommendation::target`).
    let target = reco.target();
    let at = |fr: bool| match target.at {
        Some(p) if p.kind != ProviderKind::Service || catalog.offer(&p.id).is_some() => {
            format!(" {} {}", if fr { "chez" } else { "at" }, p.name)
        }
        _ => String::new(),
    };
    // What stays: the free tool already in use, named by the keep provider.
    let sw = match (target.software, provider) {
        (None, Some((ProviderKind::Keep, _, _))) => free.clone(),
        _ => target.text.clone(),
    };
    let from = Text::list(items);
    let de = from_phrase(items);
    match kind {
        StepKind::Move => Text::new(
            format!(
                "{} : passer {} {}{}",
                label.fr,
                de.fr,
                typo::a(&sw.fr),
                at(true)
            ),
            format!(
                "{}: move from {} to {}{}",
                label.en,
                from.en,
                sw.en,
                at(false)
            ),
        ),
        StepKind::Extend if reco.from.is_empty() => Text::new(
            format!("{} : utiliser aussi {}, déjà en place", label.fr, sw.fr),
            format!("{}: use {} for this too, already in place", label.en, sw.en),
        ),
        StepKind::Extend => Text::new(
            format!(
                "{} : généraliser {}, déjà utilisé, à la place {}",
                label.fr, sw.fr, de.fr
            ),
            format!(
                "{}: use {}, already in use, instead of {}",
                label.en, sw.en, from.en
            ),
        ),
        StepKind::Start => Text::new(
            format!("{} : commencer avec {}{}", label.fr, sw.fr, at(true)),
            format!("{}: start with {}{}", label.en, sw.en, at(false)),
        ),
        StepKind::Alongside if provider.is_some_and(|p| p.0 == ProviderKind::Keep) => Text::new(
            format!(
                "{} : publier d'abord sur {}, déjà utilisé, en gardant {} (sans rien fermer)",
                label.fr, sw.fr, from.fr
            ),
            format!(
                "{}: publish first on {}, already in use, keeping {} (closing nothing)",
                label.en, sw.en, from.en
            ),
        ),
        StepKind::Alongside => Text::new(
            format!(
                "{} : ouvrir {}{} en plus {} (sans rien fermer)",
                label.fr,
                sw.fr,
                at(true),
                de.fr
            ),
            format!(
                "{}: open {}{} alongside {} (closing nothing)",
                label.en,
                sw.en,
                at(false),
                from.en
            ),
        ),
        _ => Text::new(
            format!("{} : trouver un prestataire", label.fr),
            format!("{}: find a provider", label.en),
        ),
    }
}

/// The step's cost: for a host, its offer retained for this association, priced for its size
/// (`Provider::price`, from `hosts`).
pub(super) fn cost(provider: Option<&Provider>, picks: &[HostPick]) -> Cost {
    match provider.map(|p| (p.kind, p)) {
        Some((ProviderKind::Host, p)) => {
            let yearly = p.price.as_ref().and_then(|x| x.yearly_eur);
            let shared = picks.iter().any(|x| x.id == p.id && x.covers.len() > 1);
            let (fr, en) = if shared {
                (
                    " (un seul abonnement pour plusieurs besoins)",
                    " (one subscription for several needs)",
                )
            } else {
                ("", "")
            };
            match (yearly, &p.price) {
                (Some(y), _) if y <= 0.0 => free_cost(None),
                (Some(y), _) => Cost {
                    eur_per_year: Some(y),
                    text: Text::new(
                        format!("{}, indicatif{fr}", typo::eur_per_year(Lang::Fr, y)),
                        format!("{}, indicative{en}", typo::eur_per_year(Lang::En, y)),
                    ),
                },
                (None, Some(price)) if !price.for_this_organisation => Cost {
                    eur_per_year: None,
                    text: Text::new(
                        "prix à demander à l'hébergeur (l'offre vue ne dit pas à qui elle s'adresse)",
                        "price to ask the host (the offer seen does not say whom it is for)",
                    ),
                },
                (None, Some(price)) => Cost {
                    eur_per_year: None,
                    text: Text::new(
                        format!("{} — à confirmer avec l'hébergeur", price.text.fr),
                        format!("{} — to confirm with the host", price.text.en),
                    ),
                },
                (None, None) => Cost {
                    eur_per_year: None,
                    text: Text::new("prix à demander à l'hébergeur", "price to ask the host"),
                },
            }
        }
        Some((ProviderKind::Framaspace, _)) => free_cost(Some(Text::new(
            "gratuit (Frama.space est financé par les dons)",
            "free of charge (Frama.space is funded by donations)",
        ))),
        Some(_) => free_cost(None),
        None => Cost {
            eur_per_year: None,
            text: Text::new("à estimer", "to be estimated"),
        },
    }
}
