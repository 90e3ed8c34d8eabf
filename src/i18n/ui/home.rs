//! The `Ui` entries for the frame of every screen and the home list. One part of the table of the
//! parent module, handed on to the next part by `gather!`.

macro_rules! home {
    ([$($rest:ident)*] $($entries:tt)*) => { gather! { [$($rest)*] $($entries)*
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
    } };
}
