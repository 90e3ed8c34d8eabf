//! The `Ui` entries for choosing a questionnaire and the association's profile. One part of the
//! table of the parent module, handed on to the next part by `gather!`.

macro_rules! profile {
    ([$($rest:ident)*] $($entries:tt)*) => { gather! { [$($rest)*] $($entries)*
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
    } };
}
