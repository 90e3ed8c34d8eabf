//! The `Ui` entries for the workshop dashboard, the workshops list and the follow-up comparison.
//! One part of the table of the parent module, handed on to the next part by `gather!`.

macro_rules! workshop {
    ([$($rest:ident)*] $($entries:tt)*) => { gather! { [$($rest)*] $($entries)*
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
    } };
}
