//! Every string of the interactive front ends (TUI and line mode), in French and English, in
//! one table. Templates take `{0}`, `{1}`… filled by `Ui::fill`, and counted words agree with
//! their number there, never with « (s) »: `{0|réponse changée|réponses changées}` gives
//! « 1 réponse changée », « 2 réponses changées » (number, no-break space, the agreeing form,
//! by `typo::count`: 0 is singular in French, plural in English); `{1?section|sections}` gives
//! the agreeing form alone. Unit tests check that no entry is blank, that both languages use
//! the same placeholders and that no entry writes a plural in brackets.

use std::fmt::Display;

use super::{Lang, typo};

macro_rules! table {
    ($($name:ident => $fr:literal, $en:literal;)*) => {
        /// A string of the interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Ui { $($name),* }

        impl Ui {
            pub const ALL: &[Ui] = &[$(Ui::$name),*];

            /// The string in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match self { $(Ui::$name => lang.pick($fr, $en)),* }
            }
        }
    };
}

/// A piece of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    /// Text as written.
    Text(&'a str),
    /// `{i}`: the argument as it displays.
    Arg(usize),
    /// `{i|one|other}` (`number` true: « 3 réponses ») or `{i?one|other}` (the form alone).
    Counted {
        arg: usize,
        one: &'a str,
        other: &'a str,
        number: bool,
    },
}

/// The pieces of a template, in order. A brace that opens no well-formed placeholder is text.
pub(crate) fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let parsed = rest[open + 1..]
            .find('}')
            .and_then(|close| placeholder(&rest[open + 1..open + 1 + close]).map(|p| (p, close)));
        let Some((piece, close)) = parsed else {
            out.push(Piece::Text(&rest[..=open]));
            rest = &rest[open + 1..];
            continue;
        };
        if open > 0 {
            out.push(Piece::Text(&rest[..open]));
        }
        out.push(piece);
        rest = &rest[open + close + 2..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// What is between the braces: `0`, `0|one|other` or `0?one|other`.
fn placeholder(inner: &str) -> Option<Piece<'_>> {
    let digits = inner.find(|c: char| !c.is_ascii_digit()).unwrap_or(inner.len());
    let arg = inner[..digits].parse().ok()?;
    let tail = &inner[digits..];
    if tail.is_empty() {
        return Some(Piece::Arg(arg));
    }
    let number = tail.starts_with('|');
    if !number && !tail.starts_with('?') {
        return None;
    }
    let (one, other) = tail[1..].split_once('|')?;
    (!one.is_empty() && !other.is_empty() && !other.contains('|')).then_some(Piece::Counted {
        arg,
        one,
        other,
        number,
    })
}

impl Ui {
    /// The string in `lang` with its placeholders filled from `args` (a placeholder with no
    /// argument stays as written). A counted placeholder reads its argument as a number (the
    /// counts given are integers); one that does not read as a number takes the plural.
    pub fn fill(self, lang: Lang, args: &[&dyn Display]) -> String {
        fill(self.get(lang), lang, args)
    }
}

fn fill(template: &str, lang: Lang, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    for piece in pieces(template) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Arg(i) => match args.get(i) {
                Some(a) => out.push_str(&a.to_string()),
                None => out.push_str(&format!("{{{i}}}")),
            },
            Piece::Counted {
                arg,
                one,
                other,
                number,
            } => {
                let Some(a) = args.get(arg) else {
                    let sep = if number { '|' } else { '?' };
                    out.push_str(&format!("{{{arg}{sep}{one}|{other}}}"));
                    continue;
                };
                let shown = a.to_string();
                match (shown.trim().parse::<f64>(), number) {
                    (Ok(n), true) => out.push_str(&typo::count(lang, n, one, other)),
                    (Ok(n), false) => out.push_str(typo::plural(lang, n, one, other)),
                    (Err(_), true) => out.push_str(&format!("{shown}{}{other}", typo::NBSP)),
                    (Err(_), false) => out.push_str(other),
                }
            }
        }
    }
    out
}

table! {
    // Keys (help overlay and hint bar).
    KeyForceQuit => "quitter tout de suite (tout est enregistré)", "quit at once (everything is saved)";
    KeyHelp => "aide", "help";
    KeyNewAssociation => "nouvelle association", "new association";
    KeyDemo => "association de démonstration", "demo association";
    KeyQuit => "quitter", "quit";
    KeyResume => "ouvrir", "open";
    KeyUp => "monter", "up";
    KeyDown => "descendre", "down";
    KeyPageUp => "page précédente", "previous page";
    KeyPageDown => "page suivante", "next page";
    KeyTop => "au début", "to the top";
    KeyBottom => "à la fin", "to the end";
    KeyFilter => "filtrer", "filter";
    KeyNewAudit => "nouveau diagnostic", "new audit";
    KeyEditProfile => "profil", "profile";
    KeyDelete => "supprimer", "delete";
    KeyClearFilter => "effacer le filtre", "clear the filter";
    KeyKeepFilter => "garder le filtre", "keep the filter";
    KeyNextField => "champ suivant", "next field";
    KeyPrevField => "champ précédent", "previous field";
    KeyDoneProfile => "terminé", "done";
    KeyCycle => "changer", "change";
    KeyContinue => "valider", "confirm";
    KeyChooseUp => "option précédente", "previous option";
    KeyChooseDown => "option suivante", "next option";
    KeyTick => "choisir", "choose";
    KeyPickNumber => "choisir par son numéro", "choose by number";
    KeyNextQuestion => "suivante", "next";
    KeyPrevQuestion => "précédente", "previous";
    KeyDontKnow => "je ne sais pas", "don't know";
    KeyNotApplicable => "non concerné", "not applicable";
    KeyClearAnswer => "effacer la réponse", "clear the answer";
    KeyToggleHelpText => "afficher / masquer l'explication", "show / hide the explanation";
    KeyNotes => "notes", "notes";
    KeySections => "sections", "sections";
    KeyReview => "relecture", "review";
    KeyLeaveWalk => "accueil", "home";
    KeyLeaveField => "sortir du champ", "leave the field";
    KeyEditField => "écrire la réponse", "type the answer";
    KeyUndo => "annuler", "undo";
    KeyTakeSection => "suivi : reprendre les réponses précédentes de la section", "follow-up: give the section's previous answers again";
    ReviewTakeSection => "Suivi : = reprend d'un coup les réponses précédentes encore à confirmer de la section.", "Follow-up: = gives the section's previous answers still to confirm, at once.";
    ReviewSame => "✓ même", "✓ same";
    ReviewChanged => "≠ changé :", "≠ changed:";
    ReviewToConfirm => "à confirmer ({0}) :", "to confirm ({0}):";
    TakenSection => "{0|réponse précédente reprise|réponses précédentes reprises} dans la section.", "{0|previous answer|previous answers} given again in the section.";
    NotAFollowup => "Ce diagnostic n'est pas un suivi : rien à reprendre.", "This audit is not a follow-up: nothing to give again.";
    KeyTypeNumber => "écrire le nombre", "type the number";
    KeySaveOther => "enregistrer", "save";
    KeyEraseAssociation => "effacer l'association et ses diagnostics (RGPD)", "erase the association and its audits (GDPR)";
    KeyLanguage => "English", "français";
    LanguageSwitched => "Interface en français (L pour l'anglais).", "Interface in English (L for French).";
    PlainModeHint => "Lecteur d'écran ? diagasso --plain (ou DIAGASSO_PLAIN=1) : le mode ligne.", "Screen reader? diagasso --plain (or DIAGASSO_PLAIN=1): the line mode.";
    HomeNoAudit => "(sans diagnostic)", "(no audit)";
    HomeOrphanDetail => "Sans diagnostic : Entrée pour en commencer un, p pour le profil, Suppr pour l'effacer · modifié {0}", "No audit: Enter to start one, p for the profile, Del to erase it · changed {0}";
    ProgressLine => "sections terminées\u{a0}:\u{a0}{0}/{1} · réponses\u{a0}:\u{a0}{2}/{3}", "sections done:\u{a0}{0}/{1} · answers:\u{a0}{2}/{3}";
    SectionsDone => "{0}/{1}", "{0}/{1}";
    FollowupShort => "suivi {0}", "follow-up {0}";
    AbandonTitle => "Abandonner cette nouvelle association ?", "Abandon this new association?";
    AbandonBody => "« {0} » et tout ce qui a été tapé dans son profil seront effacés. Non : retour au formulaire.", "'{0}' and everything typed in its profile will be erased. No: back to the form.";
    ProfileAbandoned => "Nouvelle association abandonnée : rien n'a été gardé.", "New association abandoned: nothing was kept.";
    EraseTitle => "Effacer l'association ?", "Erase the association?";
    EraseBody => "« {0} », son profil, ses coordonnées et {1|diagnostic|diagnostics} seront effacés de ce fichier, sans retour possible (droit à l'effacement, RGPD).", "'{0}', its profile, its contact details and {1|audit|audits} will be erased from this file, for good (right to erasure, GDPR).";
    EraseBodyAudits => "« {0} », son profil, ses coordonnées et tous ses diagnostics seront effacés de ce fichier, sans retour possible (droit à l'effacement, RGPD).", "'{0}', its profile, its contact details and all its audits will be erased from this file, for good (right to erasure, GDPR).";
    EraseBodyNoAudit => "« {0} » n'a pas de diagnostic. Son profil et ses coordonnées seront effacés de ce fichier, sans retour possible.", "'{0}' has no audit. Its profile and contact details will be erased from this file, for good.";
    EraseAfterLastAudit => "C'était le dernier diagnostic de « {0} ». Effacer aussi l'association, avec son profil et ses coordonnées (RGPD) ? Sinon elle reste dans la liste, sans diagnostic.", "That was the last audit of '{0}'. Erase the association too, with its profile and contact details (GDPR)? Otherwise it stays in the list, with no audit.";
    Erasing => "Effacement en cours…", "Erasing…";
    Erased => "« {0} » effacée, et le fichier nettoyé.", "'{0}' erased, and the file cleaned.";
    ErasedNotScrubbed => "« {0} » effacée ; le fichier sera nettoyé quand l'autre programme qui l'ouvre l'aura fermé.", "'{0}' erased; the file will be cleaned once the other program that has it open closes it.";
    KeySkipOther => "passer", "skip";
    OtherWhich => "Lequel ? (gardé dans la note de la question)", "Which one? (kept in the question's note)";
    OtherNote => "Autre : {0}", "Other: {0}";
    NumberPending => "Choix n° {0}… (un autre chiffre, ou Entrée)", "Choice no. {0}… (another digit, or Enter)";
    NotedMark => "note", "note";
    KeySwitchNote => "autre note", "other note";
    KeyDoneNotes => "retour", "back";
    KeyEditAnswer => "modifier", "edit";
    KeyFinish => "terminer / rouvrir", "finish / reopen";
    KeyBackToWalk => "questions", "questions";
    KeyClose => "fermer", "close";
    KeyToggleChoice => "changer de bouton", "switch button";
    KeyConfirmChoice => "valider le bouton choisi", "press the chosen button";
    KeyYes => "oui", "yes";
    KeyNo => "non", "no";
    KeyChoose => "choisir", "choose";
    KeyWorkshops => "ateliers", "workshops";
    KeyCompare => "comparer un suivi au diagnostic précédent", "compare a follow-up with the earlier audit";
    KeyExportCompare => "exporter (Markdown et HTML)", "export (Markdown and HTML)";
    KeyTakePrevious => "reprendre la réponse du diagnostic précédent", "give the previous audit's answer again";
    KeyOpenWorkshop => "ouvrir l'atelier", "open the workshop";
    KeyNewWorkshop => "nouvel atelier", "new workshop";
    KeyBackHome => "retour aux diagnostics", "back to the audits";
    KeyCreateWorkshop => "créer l'atelier", "create the workshop";
    KeyOpenAudit => "ouvrir", "open";
    KeyAddAssociation => "ajouter une association", "add an association";
    KeyExportDashboard => "exporter", "export";
    KeyBackWorkshops => "ateliers", "workshops";
    KeyCancel => "annuler", "cancel";
    KeyGoToSection => "aller à la section", "go to the section";
    KeyPlan => "plan", "plan";
    KeyExport => "exporter", "export";
    KeyWhy => "pourquoi ?", "why?";
    KeyWhyClose => "fermer le pourquoi", "close the why";
    KeyWhyAll => "tout voir / résumé", "show all / summary";
    KeyNextTab => "onglet suivant", "next tab";
    KeyPrevTab => "onglet précédent", "previous tab";
    KeyTabNumber => "onglet par son numéro", "tab by number";
    KeyBack => "retour", "back";
    KeyScroll => "faire défiler", "scroll";
    KeyToggleBox => "cocher / décocher", "tick / untick";
    KeyPickFormat => "cocher un format par son numéro", "tick a format by number";
    KeyWriteFiles => "écrire les fichiers", "write the files";

    // Chrome.
    AppName => "diagasso", "diagasso";
    TooSmall => "Terminal trop petit : {0}×{1}. Agrandissez la fenêtre à 80×22 au moins ; rien n'est répondu tant qu'elle est plus petite.", "Terminal too small: {0}×{1}. Make the window at least 80×22; nothing is answered while it is smaller.";
    WalkProgress => "Diagnostic : {0}/{1} {1?section|sections} · {2}/{3} {3?réponse|réponses}", "Audit: {0}/{1} {1?section|sections} · {2}/{3} answered";
    TooSmallQuit => "Ctrl-C pour quitter (tout est enregistré).", "Ctrl-C to quit (everything is saved).";
    SavedAt => "enregistré {0}", "saved {0}";
    Saving => "enregistrement…", "saving…";
    SaveFailed => "! NON enregistré : {0}", "! NOT saved: {0}";
    ChangedAnswer => "modifié dans une autre fenêtre à {0} — réponse mise à jour", "changed in another window at {0} — answer reloaded";
    ChangedNote => "modifiée dans une autre fenêtre à {0} — note mise à jour", "changed in another window at {0} — note reloaded";
    ChangedProfile => "modifiée dans une autre fenêtre à {0} — fiche mise à jour", "changed in another window at {0} — profile reloaded";
    ErrorPrefix => "Erreur : {0}", "Error: {0}";
    HelpTitle => "Aide : touches de cet écran", "Help: keys on this screen";
    HelpFooter => "Toutes les réponses sont enregistrées dès qu'elles sont données.", "Every answer is saved the moment it is given.";

    // Home.
    HomeTitle => "Diagnostics", "Audits";
    HomeColumns => "Association|Questionnaire|Sections|État|Modifié", "Association|Questionnaire|Sections|Status|Changed";
    HomeCount => "{0|diagnostic|diagnostics}", "{0|audit|audits}";
    HomeFiltered => "{0} sur {1} (filtre « {2} »)", "{0} of {1} (filter '{2}')";
    HomeFilterPrompt => "Filtre : ", "Filter: ";
    HomeLoading => "Chargement…", "Loading…";
    HomeNoMatch => "Aucun diagnostic ne correspond au filtre. Échap pour l'effacer.", "No audit matches the filter. Esc to clear it.";
    StatusInProgress => "en cours", "in progress";
    StatusFinished => "terminé", "finished";
    WelcomeTitle => "Bienvenue dans diagasso", "Welcome to diagasso";
    WelcomeBody => "diagasso accompagne le diagnostic des pratiques numériques d'une association, question par question, et en tire un plan de transition vers des outils libres (Frama.space ou un CHATON).\n\nChaque réponse est enregistrée sur cet ordinateur dès qu'elle est donnée : on peut quitter à tout moment et reprendre plus tard là où on s'était arrêté. Rien n'est envoyé sur Internet.\n\nPour commencer, créez la fiche de l'association (touche a), ou essayez d'abord avec une association de démonstration (touche d).", "diagasso guides the diagnostic of an association's digital practices, question by question, and turns it into a transition plan towards free software (Frama.space or a CHATONS host).\n\nEvery answer is saved on this computer the moment it is given: you can quit at any time and resume later where you left off. Nothing is sent over the Internet.\n\nTo begin, create the association's profile (key a), or try a demo association first (key d).";
    DeleteTitle => "Supprimer le diagnostic ?", "Delete the audit?";
    DeleteBody => "Le diagnostic de « {0} » ({1}) et toutes ses réponses seront supprimés. Cette action est définitive.", "The audit of '{0}' ({1}) and all its answers will be deleted. This cannot be undone.";
    Deleted => "Diagnostic supprimé.", "Audit deleted.";
    ButtonYes => "Oui", "Yes";
    ButtonNo => "Non", "No";
    LeftWalk => "Tout est enregistré ({0}). Entrée pour reprendre.", "Everything is saved ({0}). Enter to resume.";
    DemoCreated => "Association de démonstration créée.", "Demo association created.";
    NothingSelected => "Aucun diagnostic sélectionné.", "No audit selected.";

    // Workshop dashboard.
    DashTitle => "Atelier « {0} »", "Workshop '{0}'";
    DashCounts => "{0} · {1|association|associations} · {2|audit|audits}", "{0} · {1|association|associations} · {2|audit|audits}";
    DashFree => "Déjà sur logiciel libre : outils {0} % ({1}/{2}) · besoins {3} % ({4}/{5})", "Already on free software: tools {0} % ({1}/{2}) · needs {3} % ({4}/{5})";
    DashTabs => "Outils|Besoins|Avancement|Mutualiser", "Tools|Needs|Progress|Pooling";
    DashPoolsHead => "Besoins non couverts par du libre, partagés dans une même zone", "Needs not met with free software, shared within one area";
    DashNoPool => "Aucun groupe : pas deux associations d'une même zone avec un même besoin non couvert par du libre qu'un hébergeur du catalogue pourrait servir.", "No group: no two associations of one area with the same need not met with free software that a catalogue host could serve.";
    DashPoolGroup => "{0} · {1} · {2} associations", "{0} · {1} · {2} associations";
    DashNoTool => "pas d'outil", "no tool";
    DashPoolFramaspace => "  Frama.space couvre ce besoin : gratuit, un espace par association.", "  Frama.space covers this need: free, one space per association.";
    DashPoolHost => "  Hébergeur possible : {0} — {1}", "  Possible host: {0} — {1}";
    DashPriceToCheck => "tarif à vérifier", "price to check";
    DashUnserved => "Besoins partagés sans hébergeur au catalogue :", "Shared needs with no host in the catalogue:";
    DashToolsHead => "Outil · associations (« libre » : logiciel libre)", "Tool · associations ('free': free software)";
    DashNeedsHead => "Besoin · associations (█ sur logiciel libre, ░ pas encore)", "Need · associations (█ on free software, ░ not yet)";
    DashProgressHead => "Association · réponses · avancement · état", "Association · answers · progress · status";
    DashFreeMark => "libre", "free";
    DashNeedFree => "{0|libre|libres}", "{0} free";
    DashEmpty => "Aucun audit dans cet atelier pour l'instant : a pour ajouter une association.", "No audit in this workshop yet: a to add an association.";
    FilesWritten => "Fichiers écrits : {0}", "Files written: {0}";
    CompareTitle => "Suivi · {0}", "Follow-up · {0}";
    CompareSummary => "{0|réponse changée|réponses changées} · étapes de l'ancienne feuille de route faites : {1}/{2}", "{0|answer|answers} changed · steps of the earlier roadmap done: {1}/{2}";
    CompareTabs => "Scores|Changements|Étapes", "Scores|Changes|Steps";
    CompareNoScore => "pas de score", "no score";
    CompareNoAnswer => "(pas de réponse)", "(no answer)";
    ComparePartial => "Suivi en cours ({0}/{1} {1?réponse|réponses}) : {2} pas encore {2?reposée|reposées}.", "Follow-up under way ({0}/{1} {1?answer|answers}): {2} not asked again yet.";
    CompareNoChange => "Aucune réponse n'a changé.", "No answer changed.";
    CompareNoSteps => "L'ancien plan n'avait pas d'étape.", "The earlier plan had no step.";
    WorkshopsTitle => "Ateliers", "Workshops";
    WorkshopsColumns => "Atelier|Date|Lieu|Audits", "Workshop|Date|Place|Audits";
    WorkshopAudits => "{0|audit|audits}", "{0|audit|audits}";
    WorkshopsEmpty => "Aucun atelier pour l'instant. Un atelier regroupe les diagnostics de plusieurs associations (une journée avec les associations étudiantes d'un campus, un réseau d'éducation populaire) et en montre le tableau de bord. Touche a pour en créer un.", "No workshop yet. A workshop groups the audits of several associations (a day with a campus's student associations, a popular-education network) and shows their dashboard. Key a to create one.";
    WorkshopCreated => "Atelier créé : a pour y ajouter une association.", "Workshop created: a to add an association.";
    WorkshopNew => "Nouvel atelier", "New workshop";
    WorkshopIntro => "Les associations ajoutées commencent sur le questionnaire choisi ici.", "Associations added start on the questionnaire chosen here.";
    WorkshopName => "Nom", "Name";
    WorkshopDate => "Date (AAAA-MM-JJ)", "Date (YYYY-MM-DD)";
    WorkshopPlace => "Lieu", "Place";
    WorkshopTrainer => "Formateur·ice", "Trainer";
    WorkshopQuestionnaire => "Questionnaire", "Questionnaire";
    WorkshopCreateHint => "F10 ou Entrée sur le questionnaire : créer l'atelier. Échap : annuler.", "F10, or Enter on the questionnaire: create the workshop. Esc: cancel.";
    PreviousAnswer => "Diagnostic du {0} : {1}", "Audit of {0}: {1}";
    PreviousTake => "= ou F3 : reprendre cette réponse", "= or F3: give this answer again";
    PreviousTakeField => "F3 : reprendre cette réponse", "F3: give this answer again";
    PreviousSame => "✓ même réponse qu'au diagnostic du {0}", "✓ same answer as in the audit of {0}";
    PreviousChanged => "Au diagnostic du {0} : {1}", "In the audit of {0}: {1}";
    PreviousNone => "Pas de réponse précédente à cette question.", "No previous answer to this question.";
    FollowupOf => "suivi du {0}", "follow-up of {0}";
    PlainPrevious => "Diagnostic du {0} : {1}. Tapez = pour reprendre cette réponse.", "Audit of {0}: {1}. Type = to give this answer again.";
    DashMore => "… {0} de plus (↓)", "… {0} more (↓)";

    // Choose a questionnaire.
    ChooseTitle => "Quel questionnaire ?", "Which questionnaire?";
    ChooseFor => "Nouveau diagnostic pour « {0} »", "New audit for '{0}'";
    QuestionCount => "{0|question|questions}", "{0|question|questions}";
    ChooseFollowup => "Suivi de ce diagnostic ({0}) : réponses à confirmer", "Follow-up of this audit ({0}): answers to confirm";

    // Profile.
    ProfileTitleNew => "Nouvelle association", "New association";
    ProfileTitle => "Profil de l'association", "Association profile";
    ProfileIntro => "Seul le nom est obligatoire. Chaque champ est enregistré quand on le quitte.", "Only the name is required. Each field is saved when you leave it.";
    FieldName => "Nom", "Name";
    FieldLegalForm => "Forme juridique", "Legal form";
    FieldCountry => "Pays (code)", "Country (code)";
    FieldPostcode => "Code postal", "Postcode";
    FieldActivity => "Activité", "Activity";
    FieldMembers => "Adhérents", "Members";
    FieldEmployees => "Salariés", "Employees";
    FieldVolunteers => "Bénévoles actifs", "Active volunteers";
    FieldBudget => "Budget annuel (€)", "Annual budget (€)";
    FieldContactName => "Contact : nom", "Contact: name";
    FieldContactEmail => "Contact : courriel", "Contact: e-mail";
    PersonalData => "donnée personnelle", "personal data";
    PersonalDataNote => "* donnée personnelle : retirée des exports anonymisés.", "* personal data: left out of anonymised exports.";
    ErrNameRequired => "le nom est obligatoire", "the name is required";
    ErrCountry => "2 lettres, ex. FR", "2 letters, e.g. FR";
    ErrPostcode => "5 chiffres, ex. 69007", "5 digits, e.g. 69007";
    ErrWholeNumber => "nombre entier, ex. 12", "whole number, e.g. 12";
    ErrEmail => "ex. nom@exemple.org", "e.g. name@example.org";
    ProfileSaved => "Profil enregistré {0}.", "Profile saved {0}.";

    // Walk.
    SectionOf => "Section {0}/{1} : {2}", "Section {0}/{1}: {2}";
    QuestionOf => "Question {0}/{1}", "Question {0}/{1}";
    Required => "obligatoire", "required";
    SeveralAnswers => "plusieurs réponses possibles", "several answers possible";
    HelpLabel => "Explication : ", "Explanation: ";
    HelpHidden => "i : afficher l'explication", "i: show the explanation";
    AnswerDontKnow => "Je ne sais pas", "Don't know";
    AnswerNotApplicable => "Non concerné", "Not applicable";
    Yes => "Oui", "Yes";
    No => "Non", "No";
    Unit => "Unité : {0}", "Unit: {0}";
    Range => "de {0} à {1}", "from {0} to {1}";
    RangeMin => "au moins {0}", "at least {0}";
    RangeMax => "au plus {0}", "at most {0}";
    FieldHintNumber => "Tapez un nombre puis Entrée", "Type a number then Enter";
    FieldHintText => "Tapez la réponse puis Entrée", "Type the answer then Enter";
    FieldLeft => "Entrée pour écrire la réponse", "Enter to type the answer";
    ReplacedUndo => "Réponse « {0} » remplacée : u pour la remettre.", "Answer '{0}' replaced: u to put it back.";
    Undone => "Annulé : « {0} » revient à « {1} » (u de nouveau pour rétablir).", "Undone: '{0}' is back to '{1}' (u again to redo).";
    NothingToUndo => "Aucun changement à annuler dans ce diagnostic.", "No change to undo in this audit.";
    NoAnswerYet => "pas encore de réponse", "no answer yet";
    PasteNoField => "Collage ignoré : placez-vous dans un champ de texte pour coller.", "Paste ignored: go into a text field to paste.";
    PrevNext => "← précédente · suivante →", "← previous · next →";
    PrevNextField => "Maj-Tab précédente · suivante Tab", "Shift-Tab previous · next Tab";
    ProfileErrors => "! {0} : {1}", "! {0}: {1}";
    ProgressSection => "Section", "Section";
    ProgressAudit => "Diagnostic", "Audit";
    SectionsTitle => "Sections", "Sections";
    NoQuestion => "Aucune question ne s'applique pour l'instant.", "No question applies for now.";
    EndReached => "Dernière question : voici la relecture.", "Last question: here is the review.";
    AnswerCleared => "réponse effacée", "answer cleared";

    // Notes.
    NotesTitle => "Notes", "Notes";
    NoteOnQuestion => "Note sur la question : {0}", "Note on the question: {0}";
    NoteGeneral => "Note générale sur le diagnostic", "General note on the audit";
    NotesSaved => "Notes enregistrées {0}.", "Notes saved {0}.";
    NotesHint => "Enregistrées en quittant le champ, et après deux secondes sans frappe.", "Saved when you leave the field, and after two seconds without typing.";

    // Review.
    ReviewTitle => "Relecture", "Review";
    ReviewSummary => "{0} {0?répondue|répondues} · {1} je ne sais pas · {2} sans réponse · {3} {3?obligatoire manquante|obligatoires manquantes}", "{0} answered · {1} don't know · {2} unanswered · {3} required missing";
    ReviewUnanswered => "sans réponse", "unanswered";
    ReviewRequiredMissing => "obligatoire, sans réponse", "required, unanswered";
    ReviewLegend => "[x] répondu · [?] je ne sais pas · [-] non concerné · [!] obligatoire", "[x] answered · [?] don't know · [-] not applicable · [!] required";
    ChooseHint => "↓ puis Espace, ou le numéro de la réponse, pour choisir", "↓ then Space, or the answer's number, to choose";
    FinishTitle => "Terminer le diagnostic ?", "Finish the audit?";
    FinishBody => "Le diagnostic sera marqué comme terminé. Il reste modifiable.", "The audit will be marked finished. It can still be edited.";
    FinishMissing => "{0|question obligatoire|questions obligatoires} sans réponse. Terminer quand même ? Il reste modifiable.", "{0|required question|required questions} unanswered. Finish anyway? It can still be edited.";
    Finished => "Diagnostic terminé. p : voir le plan de transition.", "Audit finished. p: see the transition plan.";
    Reopened => "Diagnostic rouvert.", "Audit reopened.";
    ReopenTitle => "Rouvrir le diagnostic ?", "Reopen the audit?";
    ReopenBody => "Le diagnostic repassera « en cours ».", "The audit will go back to 'in progress'.";

    // Plan.
    PlanTitle => "Plan de transition", "Transition plan";
    PlanCatalog => "catalogue du {0}", "catalogue of {0}";
    TabSummary => "Synthèse", "Summary";
    TabRecos => "Recommandations", "Recommendations";
    TabHosts => "Hébergeurs", "Hosts";
    TabRoadmap => "Feuille de route", "Roadmap";
    TabRisks => "Risques", "Risks";
    PlanLevels => "Autonomie par domaine (1 dépendant … 4 autonome)", "Autonomy by domain (1 dependent … 4 autonomous)";
    PlanFramaspace => "Frama.space : {0}", "Frama.space: {0}";
    VerdictYes => "oui", "yes";
    VerdictProbably => "probablement", "probably";
    VerdictNo => "non", "no";
    VerdictYesWhy => "éligible a priori", "eligible as far as we can tell";
    VerdictProbablyWhy => "des points à vérifier", "points to check";
    VerdictNoWhy => "ne convient pas", "not suitable";
    RecosNone => "Aucun besoin relevé pour l'instant : complétez le diagnostic.", "No need found yet: complete the audit.";
    FramasoftReviews => "Framasoft examine chaque demande : ce plan ne peut pas promettre qu'elle sera acceptée.", "Framasoft reviews each request: this plan cannot promise it will be accepted.";
    TagInfo => "info", "info";
    TagOk => "ok", "ok";
    TagWarn => "attention", "caution";
    TagCheck => "à vérifier", "to check";
    TagBlocks => "bloquant", "blocking";
    RecoColumns => "Besoin|Action|Logiciel|Où", "Need|Action|Software|Where";
    ActKeep => "garder", "keep";
    ActConsolidate => "généraliser", "generalise";
    ActReplace => "remplacer", "replace";
    ActAdopt => "adopter", "adopt";
    ActAlongside => "ajouter", "add";
    ActFind => "à trouver", "to find";
    WhereKeep => "déjà en place", "already in place";
    WhereLocal => "vos appareils", "your devices";
    HostsChosen => "Hébergeurs retenus", "Chosen hosts";
    HostsAlternatives => "Autres possibilités", "Alternatives";
    HostsAge => "note : total des points (détail : p) · vu : date des faits, âge en mois", "score: sum of points (details: p) · seen: date of the facts, age in months";
    HostsNone => "Aucun hébergeur CHATONS nécessaire pour les besoins relevés.", "No CHATONS host needed for the needs found.";
    HostScore => "note {0}", "score {0}";
    HostSeen => "vu {0}, {1} mois", "seen {0}, {1|month|months}";
    HostOld => "ancien", "old";
    HostCovers => "Prend : {0}", "Takes: {0}";
    HostCould => "Pourrait prendre : {0}", "Could take: {0}";
    HostEvidence => "CHATONS : {0}", "CHATONS: {0}";
    HostToCheck => "À vérifier : {0}", "To check: {0}";
    HostChecks => "{0} à vérifier", "{0} to check";
    BasisHost => "membre, dit par l'hébergeur", "member, says the host";
    BasisCollective => "membre, dit par le collectif", "member, says the collective";
    BasisThird => "membre, dit par un tiers", "member, says a third party";
    BasisImplied => "membre supposé (liste CHATONS)", "assumed member (CHATONS list)";
    EffortLow => "Effort faible", "Low effort";
    EffortMedium => "Effort moyen", "Medium effort";
    EffortHigh => "Effort important", "High effort";
    StepWho => "Qui : {0}", "Who: {0}";
    RoadmapEmpty => "Rien à changer pour les besoins relevés.", "Nothing to change for the needs found.";
    SevHigh => "important", "serious";
    SevMedium => "moyen", "medium";
    SevLow => "faible", "low";
    RiskTodo => "À faire : {0}", "To do: {0}";
    RisksNone => "Aucun risque relevé dans les réponses.", "No risk found in the answers.";
    ToFindTitle => "À trouver : réponses « je ne sais pas » dont le plan a besoin", "To find out: 'don't know' answers the plan needs";
    ToFindDecisive => "décisif", "decisive";
    ToFindNone => "Rien à trouver : le plan a toutes les réponses dont il a besoin.", "Nothing to find out: the plan has every answer it needs.";
    WhyTitle => "Pourquoi ?", "Why?";
    WhyRules => "Règles appliquées", "Rules applied";
    WhyAnswers => "Réponses lues ({0|question|questions})", "Answers read ({0|question|questions})";
    WhyAnswersOne => "Réponse lue", "Answer read";
    WhyProfile => "Profil de l'association", "Association profile";
    WhySources => "Sources datées", "Dated sources";
    WhyMore => "… et {0} de plus (a : tout voir)", "… and {0} more (a: show all)";
    WhyFocus => "p : lire et faire défiler", "p: read and scroll";
    WhyNothing => "Rien de plus à expliquer pour cette ligne.", "Nothing more to explain for this line.";
    WhyToday => "Aujourd'hui : {0}", "Today: {0}";
    WhyProposed => "Proposé : {0}", "Proposed: {0}";
    WhyWhere => "Où : {0}", "Where: {0}";
    WhyOthers => "Autres possibilités : {0}", "Alternatives: {0}";
    WhyMove => "Pour déménager", "How to move";
    WhyCost => "Coût : {0}", "Cost: {0}";
    WhyWho => "Qui : {0}", "Who: {0}";
    WhyReasons => "Raisons, dans les lignes suivantes : {0}. Chacune a son « Pourquoi ? ».", "Reasons, in the next lines: {0}. Each has its own 'Why?'.";
    WhyNeeded => "Le plan en a besoin {0}.", "The plan needs it {0}.";
    WhyDecisive => "Décisif : la réponse peut changer une décision (Frama.space, hébergeur, budget).", "Decisive: the answer can change a decision (Frama.space, host, budget).";

    // Export.
    PlanComputing => "Calcul du plan…", "Computing the plan…";
    ExportWriting => "Écriture des fichiers…", "Writing the files…";
    ExportTitle => "Exporter le plan", "Export the plan";
    ExportFormats => "Formats", "Formats";
    FormatMd => "Markdown (.md) : la pièce jointe de l'annonce Emancip'Asso", "Markdown (.md): the attachment of the Emancip'Asso listing";
    FormatHtml => "HTML (.html) : à ouvrir dans un navigateur, imprimable", "HTML (.html): opens in a browser, printable";
    FormatPdf => "PDF (.pdf) : à imprimer ou à envoyer", "PDF (.pdf): to print or send";
    FormatJson => "JSON (.json) : tout, réimportable dans diagasso", "JSON (.json): everything, imports back into diagasso";
    FormatCsv => "CSV (.csv) : une ligne pour un tableur", "CSV (.csv): one row for a spreadsheet";
    FormatAnnonce => "Petite annonce (.txt) : le texte court pour Emancip'Asso", "Listing (.txt): the short text for Emancip'Asso";
    ExportOptions => "Options", "Options";
    ExportAnonymise => "Anonymiser : sans nom, contact ni notes libres", "Anonymise: no name, contact or free-text notes";
    ExportWithNotes => "Garder les notes libres même anonymisé", "Keep free-text notes even anonymised";
    ExportNotesAlways => "(inutile sans anonymiser)", "(no effect unless anonymising)";
    ExportFolder => "Dossier", "Folder";
    ExportButton => "Exporter", "Export";
    ExportHint => "Un fichier déjà là n'est jamais remplacé sans votre accord.", "A file already there is never replaced without your consent.";
    ExportNoFormat => "Cochez au moins un format.", "Tick at least one format.";
    ExportNoFolder => "Indiquez un dossier.", "Give a folder.";
    ExportWritten => "Fichiers écrits dans {0} :", "Files written in {0}:";
    ExportDone => "{0|fichier écrit|fichiers écrits} dans {1}.", "{0|file|files} written in {1}.";
    ExportNothingReplaced => "Rien n'a été remplacé ; aucun fichier écrit.", "Nothing was replaced; no file written.";
    MoreFiles => "… et {0} {0?autre|autres}", "… and {0} more";
    ExportPartial => "Écrits avant l'erreur :", "Written before the error:";
    OverwriteTitle => "Remplacer des fichiers ?", "Replace files?";
    OverwriteBody => "Déjà dans {0} :\n{1}\nLes remplacer par ce nouvel export ?", "Already in {0}:\n{1}\nReplace them with this new export?";

    // Line mode.
    PlainIntro => "diagasso, mode ligne. Chaque réponse est enregistrée dès qu'elle est donnée. Tapez ? pour l'aide.", "diagasso, line mode. Every answer is saved the moment it is given. Type ? for help.";
    PlainListHead => "{0} : {1}", "{0}: {1}";
    PlainMenuPrompt => "Numéro à reprendre, n nouvelle association, ateliers, ? aide, q quitter", "Number to resume, n new association, workshops, ? help, q quit";
    PlainMenuHelp => "Commandes : un numéro reprend ce diagnostic (ou commence celui d'une association sans diagnostic) ; les numéros restent les mêmes pendant toute la séance ; suivi et un numéro commence le suivi de ce diagnostic (chaque réponse précédente proposée, rien de recopié) ; n crée une association ; d crée l'association de démonstration ; ateliers montre les ateliers ; effacer et un numéro efface l'association (RGPD) ; / suivi d'un texte filtre la liste (/ seul l'efface) ; + et - changent de page ; langue passe en anglais ; q quitte.", "Commands: a number resumes that audit (or starts one for an association without); numbers stay the same for the whole session; followup and a number starts a follow-up of that audit (each previous answer offered, nothing copied); n creates an association; d creates the demo association; workshops shows the workshops; erase and a number erases the association (GDPR); / followed by text filters the list (/ alone clears it); + and - change page; language switches to French; q quits.";
    PlainMenuUnknown => "Je n'ai pas compris. Tapez ? pour l'aide.", "I did not understand. Type ? for help.";
    PlainBye => "Tout est enregistré. Au revoir.", "Everything is saved. Goodbye.";
    PlainWelcome => "diagasso accompagne le diagnostic des pratiques numériques d'une association, question par question, et en tire un plan de transition vers des outils libres. Chaque réponse est enregistrée sur cet ordinateur dès qu'elle est donnée. Aucun diagnostic pour l'instant : tapez n pour créer l'association, ou d pour essayer avec une association de démonstration.", "diagasso guides the diagnostic of an association's digital practices, question by question, and turns it into a transition plan towards free software. Every answer is saved on this computer the moment it is given. No audit yet: type n to create the association, or d to try a demo association.";
    PlainMore => "Diagnostics 1 à {0} sur {1} : + pour la page suivante.", "Audits 1 to {0} of {1}: + for the next page.";
    PlainNewAssociation => "Nouvelle association. Seul le nom est obligatoire ; une ligne vide passe au champ suivant.", "New association. Only the name is required; an empty line moves to the next field.";
    PlainAssociationCreated => "Association « {0} » enregistrée.", "Association '{0}' saved.";
    PlainAuditOpened => "Diagnostic de « {0} » : {1}.", "Audit of '{0}': {1}.";
    PlainWalkHelpShort => "Répondez à chaque question puis Entrée. nsp : je ne sais pas ; ligne vide : suivante ; < : précédente ; plan : le plan ; ? : aide ; q : menu.", "Answer each question then Enter. dk: don't know; empty line: next; <: previous; plan: the plan; ?: help; q: menu.";
    PlainWalkHelp => "Commandes : nsp je ne sais pas ; nc non concerné (si proposé) ; ligne vide valider et passer à la suite ; > passer sans répondre ; < question précédente ; question répéter la question ; effacer retirer la réponse ; note écrire une note sur la question ; note g note générale ; p progression ; sections aller à une section ; relire relire les réponses, numérotées ; aller N aller à la question N ; obligatoire la prochaine question obligatoire sans réponse ; fin terminer le diagnostic ; plan entendre le plan de transition ; pourquoi N les raisons de l'élément N du plan ; exporter écrire les fichiers ; = (suivi) reprendre la réponse du diagnostic précédent ; langue passer en anglais ; q revenir au menu.", "Commands: dk don't know; na not applicable (when offered); empty line confirm and go on; > skip without answering; < previous question; repeat say the question again; clear remove the answer; note write a note on the question; note g general note; p progress; sections go to a section; review read the answers back, numbered; go N go to question N; required the next required question without an answer; finish finish the audit; plan hear the transition plan; why N the reasons for item N of the plan; export write the files; = (follow-up) give the previous audit's answer again; language switch to French; q back to the menu.";
    PlainAnswerPrompt => "Réponse", "Answer";
    PlainEnd => "C'était la dernière question. Tapez relire pour relire, fin pour terminer, q pour revenir au menu.", "That was the last question. Type review to read back, finish to finish, q to go back to the menu.";
    PlainSaved => "Enregistré : {0} ({1}).", "Saved: {0} ({1}).";
    PlainNoteSaved => "Note enregistrée ({0}).", "Note saved ({0}).";
    PlainReviewHint => "aller et un numéro : revenir à cette question ; obligatoire : la prochaine question obligatoire sans réponse.", "go and a number: back to that question; required: the next required question without an answer.";
    PlainNoSuchQuestion => "Pas de question {0} : tapez relire pour les numéros.", "No question {0}: type review for the numbers.";
    PlainNoRequiredLeft => "Toutes les questions obligatoires ont une réponse.", "Every required question has an answer.";
    PlainFinished => "Diagnostic terminé. plan : entendre le plan de transition ; exporter : écrire les fichiers.", "Audit finished. plan: hear the transition plan; export: write the files.";
    PlainLanguage => "Langue : français.", "Language: English.";
    PlainNotSaved => "NON enregistré : {0}", "NOT saved: {0}";
    PlainCurrent => "Réponse actuelle : {0}. Ligne vide pour la garder.", "Current answer: {0}. Empty line to keep it.";
    PlainOneChoice => "Une seule réponse : tapez son numéro.", "One answer: type its number.";
    PlainSeveralChoices => "Plusieurs réponses possibles : tapez les numéros séparés par des virgules.", "Several answers possible: type the numbers separated by commas.";
    PlainScale => "Note de 1{0} à 5{1}.", "Rating from 1{0} to 5{1}.";
    PlainYesNo => "Oui ou non (o ou n).", "Yes or no (y or n).";
    PlainNumber => "Un nombre{0}{1}.", "A number{0}{1}.";
    PlainText => "Texte libre, sur une ligne.", "Free text, on one line.";
    PlainDontKnowHint => "nsp : je ne sais pas.", "dk: don't know.";
    PlainNotApplicableHint => "nc : non concerné.", "na: not applicable.";
    PlainProgress => "Progression : {0}.", "Progress: {0}.";
    PlainSectionPrompt => "Numéro de la section", "Section number";
    PlainNoteStart => "Écrivez la note ; terminez par une ligne ne contenant qu'un point.", "Write the note; end with a line holding only a full stop.";
    PlainNotUtf8 => "Ligne refusée : ce n'est pas du texte UTF-8 valide (octet {0}), rien n'en a été enregistré. Passez le terminal (ou le fichier) en UTF-8, puis retapez la ligne.", "Line refused: it is not valid UTF-8 text (byte {0}); nothing of it was saved. Switch the terminal (or the file) to UTF-8, then type the line again.";
    PlainTooLong => "Ligne refusée : plus de {0} Mo, rien n'en a été enregistré. Mettez un texte aussi long dans un fichier de réponses, ou raccourcissez-le.", "Line refused: over {0} MB; nothing of it was saved. Put a text this long in an answers file, or shorten it.";
    PlainConfirm => "Confirmer (o/N)", "Confirm (y/N)";
    PlainNoWorkshop => "Aucun atelier : créez-en un avec diagasso workshop new, ou dans l'interface plein écran.", "No workshop: create one with diagasso workshop new, or in the full-screen interface.";
    PlainWorkshopPrompt => "Numéro de l'atelier (Entrée : retour)", "Workshop number (Enter: back)";
    PlainWorkshopHead => "Atelier « {0} », {1} : {2|association|associations}.", "Workshop '{0}', {1}: {2|association|associations}.";
    PlainWorkshopFree => "Déjà sur logiciel libre : {0} % des outils, {1} % des besoins.", "Already on free software: {0} % of tools, {1} % of needs.";
    PlainWorkshopTools => "Outils les plus utilisés : {0}.", "Tools most used: {0}.";
    PlainDashboardPrompt => "a : ajouter une association ; un numéro : ouvrir son diagnostic ; Entrée : retour", "a: add an association; a number: open its audit; Enter: back";
    PlainNoAudit => "sans diagnostic", "no audit";
    PlainEraseAsk => "Effacer « {0} », son profil, ses coordonnées et tous ses diagnostics (RGPD) ? C'est définitif.", "Erase '{0}', its profile, its contact details and all its audits (GDPR)? This is final.";
    PlainPlanWorking => "Calcul du plan…", "Computing the plan…";
    PlainPlanEnd => "Fin du plan. pourquoi et un numéro : les raisons de cet élément ; exporter : écrire les fichiers ; question : revenir à la question.", "End of the plan. why and a number: the reasons for that item; export: write the files; question: back to the question.";
    PlainLevel => "niveau {0} sur 4", "level {0} of 4";
    PlainLevelUnknown => "niveau inconnu", "level unknown";
    PlainWhyHead => "Pourquoi {0}, « {1} » :", "Why {0}, '{1}':";
    PlainWhyNone => "L'élément {0}, « {1} », n'a pas de raisons détaillées.", "Item {0}, '{1}', has no detailed reasons.";
    PlainWhyNoItem => "Pas d'élément {0} dans le plan : tapez plan pour les relire, numérotés.", "No item {0} in the plan: type plan to hear them again, numbered.";
    PlainWhyFirst => "Tapez d'abord plan : pourquoi N se rapporte à ses éléments numérotés.", "Type plan first: why N refers to its numbered items.";
    PlainExportFormats => "Numéros des formats, séparés par des virgules (Entrée : 1 et 2)", "Format numbers, separated by commas (Enter: 1 and 2)";
    PlainExportBadFormats => "Formats non compris : tapez des numéros de 1 à 6. Rien n'a été écrit.", "Formats not understood: type numbers from 1 to 6. Nothing was written.";
    PlainExportFolder => "Dossier (Entrée : {0})", "Folder (Enter: {0})";
    PlainExportAnonymise => "Anonymiser (sans nom ni contact) ? (o/N)", "Anonymise (no name, no contact)? (y/N)";

    // Leaving.
    Goodbye => "Tout est enregistré dans {0}. À bientôt !", "Everything is saved in {0}. See you soon!";
}

#[cfg(test)]
mod tests;
