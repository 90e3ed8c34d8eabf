//! The `Ui` entries for the questions, their notes and the review. One part of the table of the
//! parent module, handed on to the next part by `gather!`.

macro_rules! walk {
    ([$($rest:ident)*] $($entries:tt)*) => { gather! { [$($rest)*] $($entries)*
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
    } };
}
