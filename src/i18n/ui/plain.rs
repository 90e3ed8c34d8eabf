//! The `Ui` entries for the line mode (`--plain`), and leaving. One part of the table of the
//! parent module, handed on to the next part by `gather!`.

macro_rules! plain {
    ([$($rest:ident)*] $($entries:tt)*) => { gather! { [$($rest)*] $($entries)*
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
        PlainExportAnonymiseYes => "Anonymiser (sans nom ni contact) ? (O/n)", "Anonymise (no name, no contact)? (Y/n)";

        // Leaving.
        Goodbye => "Tout est enregistré dans {0}. À bientôt !", "Everything is saved in {0}. See you soon!";
    } };
}
