//! The plan as plain text for a person, in one language: synthèse, Frama.space, recommendations,
//! hosts, roadmap, risks and what to find out — with, on demand, the "pourquoi ?" of each item.

use std::fmt::Write;

use crate::catalog::Effort;
use crate::i18n::{Lang, Text};
use crate::plan::framaspace::Status;
use crate::plan::why::ItemRef;
use crate::plan::{Action, Plan, ProviderKind, Severity};
use crate::questionnaire::Questionnaire;

struct Out<'a> {
    s: String,
    plan: &'a Plan,
    q: &'a Questionnaire,
    lang: Lang,
    why: bool,
}

impl Out<'_> {
    /// One line, with the language's typography (`typo::punct`: in French a no-break space
    /// before « : » and inside « », the way the documents write them).
    fn line(&mut self, indent: usize, text: &str) {
        let text = crate::i18n::typo::punct(self.lang, text);
        let _ = writeln!(self.s, "{:indent$}{text}", "");
    }

    /// One line whose `ours` part follows the language's typography and whose `kept` part (an
    /// answer as typed, a source as cited) stays as it was written.
    fn line_kept(&mut self, indent: usize, ours: &str, kept: &str) {
        let ours = crate::i18n::typo::punct(self.lang, ours);
        let _ = writeln!(self.s, "{:indent$}{ours}{kept}", "");
    }

    fn t<'b>(&self, t: &'b Text) -> &'b str {
        t.get(self.lang)
    }

    fn heading(&mut self, fr: &str, en: &str) {
        let title = self.lang.pick(fr, en).to_string();
        let _ = writeln!(self.s, "\n== {title} ==");
    }

    /// The item's « Pourquoi ? », from `Plan::why` (the one function every front end uses):
    /// the rules that decided it in words, the answers read, dated sources, and where the rest
    /// is.
    fn why(&mut self, indent: usize, item: ItemRef) {
        if !self.why {
            return;
        }
        let (summary, see) = self.plan.why(item).summary(self.plan, self.q, self.lang);
        if summary.rules.is_empty() && summary.answers.is_empty() && see.is_empty() {
            return;
        }
        let mut head = self.lang.pick("Pourquoi :", "Why:").to_string();
        for r in &summary.rules {
            head.push(' ');
            head.push_str(r);
        }
        let mut see = see.into_iter();
        if summary.rules.is_empty() && summary.answers.is_empty() {
            // Nothing of its own: say at once where the reason is.
            if let Some(s) = see.next() {
                head.push(' ');
                head.push_str(&s);
            }
        }
        self.line(indent, &head);
        for a in &summary.answers {
            let label = format!("· « {} » → ", a.label);
            self.line_kept(indent + 2, &label, &a.value);
        }
        for src in &summary.sources {
            self.line_kept(indent + 2, "· ", &src.line);
        }
        for s in see {
            self.line(indent + 2, &s);
        }
    }
}

fn effort(e: Effort, lang: Lang) -> &'static str {
    match e {
        Effort::Low => lang.pick("effort faible", "low effort"),
        Effort::Medium => lang.pick("effort moyen", "medium effort"),
        Effort::High => lang.pick("effort important", "high effort"),
    }
}

/// Render a plan.
pub fn render(plan: &Plan, q: &Questionnaire, lang: Lang, why: bool) -> String {
    let mut o = Out {
        s: String::new(),
        plan,
        q,
        lang,
        why,
    };
    o.line(
        0,
        &format!(
            "{} — {} {} v{} — {} {}",
            lang.pick("Plan de transition", "Transition plan"),
            lang.pick("questionnaire", "questionnaire"),
            plan.questionnaire.id,
            plan.questionnaire.version,
            lang.pick("catalogue du", "catalogue of"),
            plan.catalog_as_of
        ),
    );
    o.heading("Synthèse", "Summary");
    for t in &plan.summary {
        let l = format!("- {}", o.t(t));
        o.line(0, &l);
    }
    o.line(
        0,
        lang.pick(
            "Niveaux par domaine (1 dépendant … 4 autonome) :",
            "Levels by domain (1 dependent … 4 autonomous):",
        ),
    );
    for (i, s) in plan.scores.iter().enumerate() {
        let bar = match s.level {
            Some(l) => format!("{}{}", "■".repeat(l.into()), "□".repeat(4 - usize::from(l))),
            None => "····".to_string(),
        };
        let reasons: Vec<&str> = s.reasons.iter().map(|r| r.get(lang)).collect();
        let l = format!(
            "{:<28} {bar} {} ({})",
            o.t(&s.label),
            o.t(&s.level_label),
            reasons.join(" ; ")
        );
        o.line(2, &l);
        o.why(4, ItemRef::Score(i));
    }

    let fs = &plan.framaspace;
    let title = format!("Frama.space : {}", o.t(&fs.eligible_label));
    o.heading(&title, &title.replacen(" :", ":", 1));
    for (i, r) in fs.reasons.iter().enumerate() {
        let tag = match r.status {
            Status::Info => lang.pick("info", "info"),
            Status::Ok => "ok",
            Status::Warn => lang.pick("attention", "caution"),
            Status::Check => lang.pick("à vérifier", "to check"),
            Status::Blocks => lang.pick("bloquant", "blocking"),
        };
        let l = format!("[{tag}] {}", o.t(&r.text));
        o.line(2, &l);
        o.why(6, ItemRef::FramaspaceReason(i));
    }

    o.heading("Recommandations", "Recommendations");
    let mut said_aside: std::collections::HashSet<(String, String)> =
        std::collections::HashSet::new();
    for (i, r) in plan.recommendations.iter().enumerate() {
        let chosen = match r.chosen() {
            Some(p) if p.kind == ProviderKind::Keep => {
                lang.pick("déjà en place", "already in place").to_string()
            }
            Some(p) if p.kind == ProviderKind::Local && r.software.is_empty() => {
                lang.pick("vos appareils", "on your devices").to_string()
            }
            Some(p) => p.name.clone(),
            None if r.action == Action::Find => lang.pick("à trouver", "to be found").to_string(),
            None => String::new(),
        };
        // The software the chosen provider runs for the need, or the host's service in words;
        // what is kept is named by itself.
        let target = r.target();
        let first = match (target.software, r.chosen()) {
            (None, None) => "—".to_string(),
            // No software to name on the team's own devices: the backup copy on a disk.
            (None, Some(p)) if p.kind == ProviderKind::Local => lang
                .pick("une copie sur disque externe", "a copy on an external disk")
                .to_string(),
            (None, Some(p)) if p.kind == ProviderKind::Keep => {
                if p.name.is_empty() {
                    "—".to_string()
                } else {
                    p.name.clone()
                }
            }
            _ => o.t(&target.text).to_string(),
        };
        let first = first.as_str();
        let in_words =
            target.software.is_none() && r.chosen().is_some_and(|p| p.kind == ProviderKind::Host);
        let l = if chosen == first || chosen.is_empty() || in_words {
            format!("- {} → {first}", o.t(&r.label))
        } else {
            format!("- {} → {first} ({chosen})", o.t(&r.label))
        };
        o.line(0, &l);
        for reason in &r.reasons {
            let l = o.t(reason).to_string();
            o.line(4, &l);
        }
        if let Some(p) = r.chosen().filter(|p| p.members_only) {
            let l = format!(
                "{} {}",
                lang.pick(
                    "Service réservé aux adhérents : adhérer d'abord à",
                    "Service for members only: first join"
                ),
                p.name
            );
            o.line(4, &l);
        }
        let alts: Vec<String> = r
            .providers
            .iter()
            .filter(|p| !p.chosen && p.held_back.is_none())
            .map(|p| match p.score {
                Some(s) => format!("{} ({s})", p.name),
                None => p.name.clone(),
            })
            .collect();
        if !alts.is_empty() {
            let l = format!(
                "{} {}",
                lang.pick("Autres possibilités :", "Alternatives:"),
                alts.join(", ")
            );
            o.line(4, &l);
        }
        for p in r.providers.iter() {
            if let Some(h) = &p.held_back {
                // A host set aside for the same reason under several needs: the reason once,
                // then its name only (a screen reader would hear it seven times).
                let reason = o.t(&h.text).to_string();
                let l = if said_aside.insert((p.name.clone(), reason.clone())) {
                    format!(
                        "{} {} — {reason}",
                        lang.pick("Écarté ici :", "Set aside here:"),
                        p.name
                    )
                } else {
                    format!(
                        "{} {} {}",
                        lang.pick("Écarté ici :", "Set aside here:"),
                        p.name,
                        lang.pick("(même raison que plus haut)", "(same reason as above)")
                    )
                };
                o.line(4, &l);
            }
        }
        o.why(4, ItemRef::Recommendation(i));
    }

    if !plan.hosts.is_empty() || !plan.host_choice.notes.is_empty() {
        o.heading("Hébergeurs retenus", "Hosts chosen");
        for n in &plan.host_choice.notes {
            let l = o.t(n).to_string();
            o.line(0, &l);
        }
        for (i, h) in plan.hosts.iter().enumerate() {
            let l = format!(
                "- {} ({} {}) — {}",
                h.name,
                lang.pick("note", "score"),
                h.score,
                h.website.as_deref().unwrap_or("")
            );
            o.line(0, &l);
            let l = o.t(&h.why).to_string();
            o.line(4, &l);
            for sv in &h.services {
                let sw: Vec<&str> = sv.software.iter().map(|s| s.name.as_str()).collect();
                let what = if sw.is_empty() {
                    lang.pick(
                        "logiciel non indiqué, à demander",
                        "software not stated, to ask",
                    )
                    .to_string()
                } else {
                    sw.join(", ")
                };
                let colon = lang.pick(" :", ":");
                let l = format!("{}{colon} {what}", o.t(&sv.label));
                o.line(4, &l);
            }
            if let Some(p) = &h.price {
                let l = format!("{} {}", lang.pick("Prix :", "Price:"), o.t(&p.text));
                o.line(4, &l);
            }
            for r in &h.reasons {
                let l = o.t(r).to_string();
                o.line(4, &l);
            }
            for c in &h.to_check {
                let l = format!("{} {}", lang.pick("À vérifier :", "To check:"), o.t(c));
                o.line(4, &l);
            }
            o.why(4, ItemRef::Host(i));
        }
    }

    o.heading("Feuille de route", "Roadmap");
    if plan.roadmap.iter().all(|p| p.steps.is_empty()) {
        o.line(
            0,
            lang.pick(
                "Rien à changer pour les besoins relevés.",
                "Nothing to change for the needs found.",
            ),
        );
    }
    for (n, (a, phase)) in plan
        .roadmap
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.steps.is_empty())
        .enumerate()
    {
        let l = format!("{}. {}", n + 1, o.t(&phase.title));
        o.line(0, &l);
        for (b, step) in phase.steps.iter().enumerate() {
            let reasons: Vec<&str> = step.effort_reasons.iter().map(|r| r.get(lang)).collect();
            let why = if reasons.is_empty() {
                String::new()
            } else {
                format!(" ({})", reasons.join(", "))
            };
            let when = step
                .when
                .map(|w| format!(", {}", w.text().get(lang)))
                .unwrap_or_default();
            let l = format!(
                "- {} — {}{why}, {}{when}",
                o.t(&step.title),
                effort(step.effort, lang),
                o.t(&step.cost.text)
            );
            o.line(2, &l);
            for c in &step.caveats {
                let l = format!(
                    "{} {} → {}",
                    lang.pick("Ne pas emporter :", "Leave out:"),
                    c.leave_out.get(lang),
                    c.goes_to.get(lang)
                );
                o.line(6, &l);
            }
            for k in &step.keeps {
                let l = format!(
                    "{} {} ({})",
                    lang.pick("Reste :", "Stays:"),
                    k.name.get(lang),
                    k.why.get(lang)
                );
                o.line(6, &l);
            }
            for m in &step.migration {
                let l = o.t(m).to_string();
                o.line(6, &l);
            }
            let l = format!("{} {}", lang.pick("Qui :", "Who:"), step.who.get(lang));
            o.line(6, &l);
            o.why(6, ItemRef::Step { phase: a, step: b });
        }
    }

    if !plan.risks.is_empty() {
        o.heading("Risques", "Risks");
        for (i, r) in plan.risks.iter().enumerate() {
            let sev = match r.severity {
                Severity::High => lang.pick("important", "serious"),
                Severity::Medium => lang.pick("moyen", "medium"),
                Severity::Low => lang.pick("faible", "low"),
            };
            let l = format!("- [{sev}] {} — {}", o.t(&r.title), o.t(&r.detail));
            o.line(0, &l);
            let l = format!("{} {}", lang.pick("À faire :", "To do:"), o.t(&r.action));
            o.line(4, &l);
            o.why(4, ItemRef::Risk(i));
        }
    }

    if !plan.to_find.is_empty() {
        o.heading("À trouver", "To find out");
        for f in &plan.to_find {
            let l = format!("- {} ({}: {})", o.t(&f.label), f.question, o.t(&f.why));
            o.line(0, &l);
        }
    }
    o.s
}
