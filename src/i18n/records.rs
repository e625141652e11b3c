//! Messages of the contact and account screens: lists ([`Records`]), detail pages
//! ([`RecordDetail`]) and forms ([`RecordForm`]). Field labels and validation messages are in
//! `fields.rs`. Every match is exhaustive: a missing translation does not compile.

use std::borrow::Cow;

use super::{Locale, Message, fmt_int};

/// Which kind of record a message is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Contact,
    Account,
}

/// "1.234 contactos", with the locale's digit grouping and the singular for one.
fn count(locale: Locale, kind: Kind, n: usize) -> String {
    use Kind::*;
    use Locale::*;
    let noun = match (kind, locale, n == 1) {
        (Contact, Es, true) => "contacto",
        (Contact, Es, false) => "contactos",
        (Contact, En, true) => "contact",
        (Contact, En, false) => "contacts",
        (Account, Es, true) => "cuenta",
        (Account, Es, false) => "cuentas",
        (Account, En, true) => "account",
        (Account, En, false) => "accounts",
    };
    format!("{} {noun}", int(locale, n))
}

fn int(locale: Locale, n: usize) -> String {
    fmt_int(locale, i64::try_from(n).unwrap_or(i64::MAX))
}

/// The list screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Records {
    /// Page title ("Contactos").
    Title(Kind),
    /// The search field's accessible name ("Buscar contactos").
    Search(Kind),
    /// The create button ("Nuevo contacto").
    New(Kind),
    /// Accessible name of the results list.
    ListLabel(Kind),
    /// "1.234 contactos".
    Count(Kind, usize),
    /// "12 de 1.234 contactos".
    CountFiltered(Kind, usize, usize),
    SortLabel,
    SortByName,
    SortByRecent,
    TagLabel,
    AnyTag,
    OwnerLabel,
    AnyOwner,
    OwnerMine,
    ClearFilters,
    EmptyTitle(Kind),
    EmptyHint,
    /// The empty state's call to action ("Crear el primer contacto").
    CreateFirst(Kind),
    OpenSettings,
    NoMatches(Kind),
    NoMatchesHint,
}

impl Message for Records {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use Kind::*;
        use Locale::*;
        use Records::*;
        Cow::Borrowed(match (self, locale) {
            (Count(k, n), _) => return Cow::Owned(count(locale, *k, *n)),
            (CountFiltered(k, shown, total), Es) => {
                return Cow::Owned(format!(
                    "{} de {}",
                    int(locale, *shown),
                    count(locale, *k, *total)
                ));
            }
            (CountFiltered(k, shown, total), En) => {
                return Cow::Owned(format!(
                    "{} of {}",
                    int(locale, *shown),
                    count(locale, *k, *total)
                ));
            }
            (Title(Contact), Es) => "Contactos",
            (Title(Contact), En) => "Contacts",
            (Title(Account), Es) => "Cuentas",
            (Title(Account), En) => "Accounts",
            (Search(Contact), Es) => "Buscar contactos",
            (Search(Contact), En) => "Search contacts",
            (Search(Account), Es) => "Buscar cuentas",
            (Search(Account), En) => "Search accounts",
            (New(Contact), Es) => "Nuevo contacto",
            (New(Contact), En) => "New contact",
            (New(Account), Es) => "Nueva cuenta",
            (New(Account), En) => "New account",
            (ListLabel(Contact), Es) => "Lista de contactos",
            (ListLabel(Contact), En) => "Contact list",
            (ListLabel(Account), Es) => "Lista de cuentas",
            (ListLabel(Account), En) => "Account list",
            (SortLabel, Es) => "Ordenar",
            (SortLabel, En) => "Sort",
            (SortByName, Es) => "Nombre",
            (SortByName, En) => "Name",
            (SortByRecent, Es) => "Recientes",
            (SortByRecent, En) => "Recent",
            (TagLabel, Es) => "Etiqueta",
            (TagLabel, En) => "Tag",
            (AnyTag, Es) => "Todas",
            (AnyTag, En) => "All",
            (OwnerLabel, Es) => "Propietario",
            (OwnerLabel, En) => "Owner",
            (AnyOwner, Es) => "Todos",
            (AnyOwner, En) => "Everyone",
            (OwnerMine, Es) => "Míos",
            (OwnerMine, En) => "Mine",
            (ClearFilters, Es) => "Quitar filtros",
            (ClearFilters, En) => "Clear filters",
            (EmptyTitle(Contact), Es) => "Aún no tienes contactos",
            (EmptyTitle(Contact), En) => "No contacts yet",
            (EmptyTitle(Account), Es) => "Aún no tienes cuentas",
            (EmptyTitle(Account), En) => "No accounts yet",
            (EmptyHint, Es) => {
                "Crea el primero, o carga datos de ejemplo en Ajustes para probar Cartera."
            }
            (EmptyHint, En) => {
                "Create the first one, or load sample data in Settings to try Cartera."
            }
            (CreateFirst(Contact), Es) => "Crear el primer contacto",
            (CreateFirst(Contact), En) => "Create the first contact",
            (CreateFirst(Account), Es) => "Crear la primera cuenta",
            (CreateFirst(Account), En) => "Create the first account",
            (OpenSettings, Es) => "Ir a Ajustes",
            (OpenSettings, En) => "Open Settings",
            (NoMatches(Contact), Es) => "Ningún contacto coincide",
            (NoMatches(Contact), En) => "No contacts match",
            (NoMatches(Account), Es) => "Ninguna cuenta coincide",
            (NoMatches(Account), En) => "No accounts match",
            (NoMatchesHint, Es) => "Prueba con otras palabras o quita los filtros.",
            (NoMatchesHint, En) => "Try other words or clear the filters.",
        })
    }
}

/// The detail screens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordDetail {
    NotFound(Kind),
    BackTo(Kind),
    Deleted(Kind),
    Restored(Kind),
    /// "Creado por Ana · 26 nov 2026, 14:05".
    CreatedBy(String, String),
    UpdatedBy(String, String),
    /// Shown instead of an empty user name.
    SomeoneUnknown,
    /// The current user, in "Creado por ti".
    You,
    /// The current user as owner: "Tú".
    YouSubject,
    Call,
    SendEmail,
    OpenMap,
    /// The quick action that opens the map on the first address.
    Directions,
    OpenWebsite,
    SectionDetails,
    SectionAddress,
    SectionNotes,
    SectionHistory,
    /// The contacts section of an account: "Contactos (3)".
    AccountContacts(usize),
    AccountNoContacts,
    AddContactHere,
    Actions,
}

impl Message for RecordDetail {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use Kind::*;
        use Locale::*;
        use RecordDetail::*;
        Cow::Borrowed(match (self, locale) {
            (CreatedBy(who, at), Es) => return Cow::Owned(format!("Creado por {who} · {at}")),
            (CreatedBy(who, at), En) => return Cow::Owned(format!("Created by {who} · {at}")),
            (UpdatedBy(who, at), Es) => return Cow::Owned(format!("Modificado por {who} · {at}")),
            (UpdatedBy(who, at), En) => return Cow::Owned(format!("Changed by {who} · {at}")),
            (AccountContacts(n), Es) => {
                return Cow::Owned(format!("Contactos ({})", int(locale, *n)));
            }
            (AccountContacts(n), En) => {
                return Cow::Owned(format!("Contacts ({})", int(locale, *n)));
            }
            (NotFound(Contact), Es) => "Este contacto no existe o fue eliminado.",
            (NotFound(Contact), En) => "This contact does not exist or was deleted.",
            (NotFound(Account), Es) => "Esta cuenta no existe o fue eliminada.",
            (NotFound(Account), En) => "This account does not exist or was deleted.",
            (BackTo(Contact), Es) => "Volver a contactos",
            (BackTo(Contact), En) => "Back to contacts",
            (BackTo(Account), Es) => "Volver a cuentas",
            (BackTo(Account), En) => "Back to accounts",
            (Deleted(Contact), Es) => "Contacto eliminado",
            (Deleted(Contact), En) => "Contact deleted",
            (Deleted(Account), Es) => "Cuenta eliminada",
            (Deleted(Account), En) => "Account deleted",
            (Restored(Contact), Es) => "Contacto restaurado",
            (Restored(Contact), En) => "Contact restored",
            (Restored(Account), Es) => "Cuenta restaurada",
            (Restored(Account), En) => "Account restored",
            (SomeoneUnknown, Es) => "alguien",
            (SomeoneUnknown, En) => "someone",
            (You, Es) => "ti",
            (You, En) => "you",
            (YouSubject, Es) => "Tú",
            (YouSubject, En) => "You",
            (Call, Es) => "Llamar",
            (Call, En) => "Call",
            (SendEmail, Es) => "Enviar correo",
            (SendEmail, En) => "Send email",
            (OpenMap, Es) => "Ver en el mapa",
            (OpenMap, En) => "Open map",
            (Directions, Es) => "Cómo llegar",
            (Directions, En) => "Directions",
            (OpenWebsite, Es) => "Abrir sitio web",
            (OpenWebsite, En) => "Open website",
            (SectionDetails, Es) => "Datos",
            (SectionDetails, En) => "Details",
            (SectionAddress, Es) => "Dirección",
            (SectionAddress, En) => "Address",
            (SectionNotes, Es) => "Notas",
            (SectionNotes, En) => "Notes",
            (SectionHistory, Es) => "Historial",
            (SectionHistory, En) => "History",
            (AccountNoContacts, Es) => "Esta cuenta aún no tiene contactos.",
            (AccountNoContacts, En) => "This account has no contacts yet.",
            (AddContactHere, Es) => "Añadir contacto",
            (AddContactHere, En) => "Add contact",
            (Actions, Es) => "Acciones",
            (Actions, En) => "Actions",
        })
    }
}

/// The create and edit screens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordForm {
    NewTitle(Kind),
    EditTitle(Kind),
    Created(Kind),
    Saved(Kind),
    Saving,
    /// A save refused because the record changed elsewhere.
    ConflictTitle(Kind),
    ConflictBody,
    SaveAnyway,
    DiscardMine,
    /// Summary above a form with errors: "Revisa los 2 campos marcados."
    FixFields(usize),
    AddPhone,
    AddEmail,
    AddAddress,
    /// "Quitar Teléfono 2": the remove button of a repeated field.
    Remove(String),
    AccountPickerHint,
    NoAccountMatches,
    ClearAccount,
    TagsHint,
}

impl Message for RecordForm {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use Kind::*;
        use Locale::*;
        use RecordForm::*;
        Cow::Borrowed(match (self, locale) {
            (FixFields(1), Es) => "Revisa el campo marcado.",
            (FixFields(1), En) => "Please check the marked field.",
            (FixFields(n), Es) => return Cow::Owned(format!("Revisa los {n} campos marcados.")),
            (FixFields(n), En) => {
                return Cow::Owned(format!("Please check the {n} marked fields."));
            }
            (Remove(what), Es) => return Cow::Owned(format!("Quitar {what}")),
            (Remove(what), En) => return Cow::Owned(format!("Remove {what}")),
            (NewTitle(Contact), Es) => "Nuevo contacto",
            (NewTitle(Contact), En) => "New contact",
            (NewTitle(Account), Es) => "Nueva cuenta",
            (NewTitle(Account), En) => "New account",
            (EditTitle(Contact), Es) => "Editar contacto",
            (EditTitle(Contact), En) => "Edit contact",
            (EditTitle(Account), Es) => "Editar cuenta",
            (EditTitle(Account), En) => "Edit account",
            (Created(Contact), Es) => "Contacto creado",
            (Created(Contact), En) => "Contact created",
            (Created(Account), Es) => "Cuenta creada",
            (Created(Account), En) => "Account created",
            (Saved(Contact), Es) => "Contacto guardado",
            (Saved(Contact), En) => "Contact saved",
            (Saved(Account), Es) => "Cuenta guardada",
            (Saved(Account), En) => "Account saved",
            (Saving, Es) => "Guardando…",
            (Saving, En) => "Saving…",
            (ConflictTitle(Contact), Es) => {
                "Este contacto cambió en otro lugar mientras lo editabas."
            }
            (ConflictTitle(Contact), En) => {
                "This contact changed elsewhere while you were editing it."
            }
            (ConflictTitle(Account), Es) => {
                "Esta cuenta cambió en otro lugar mientras la editabas."
            }
            (ConflictTitle(Account), En) => {
                "This account changed elsewhere while you were editing it."
            }
            (ConflictBody, Es) => {
                "Tus cambios siguen en el formulario. Puedes guardarlos sobre la versión nueva, o descartarlos y ver la versión actual."
            }
            (ConflictBody, En) => {
                "Your changes are still in the form. You can save them over the new version, or discard them and see the current one."
            }
            (SaveAnyway, Es) => "Guardar mis cambios",
            (SaveAnyway, En) => "Save my changes",
            (DiscardMine, Es) => "Descartar y ver la versión actual",
            (DiscardMine, En) => "Discard and see the current version",
            (AddPhone, Es) => "Añadir teléfono",
            (AddPhone, En) => "Add phone",
            (AddEmail, Es) => "Añadir correo",
            (AddEmail, En) => "Add email",
            (AddAddress, Es) => "Añadir dirección",
            (AddAddress, En) => "Add address",
            (AccountPickerHint, Es) => "Escribe para buscar una cuenta.",
            (AccountPickerHint, En) => "Type to search for an account.",
            (NoAccountMatches, Es) => "Ninguna cuenta coincide",
            (NoAccountMatches, En) => "No accounts match",
            (ClearAccount, Es) => "Quitar vínculo",
            (ClearAccount, En) => "Unlink",
            (TagsHint, Es) => "Separa las etiquetas con comas: cliente, vip",
            (TagsHint, En) => "Separate tags with commas: customer, vip",
        })
    }
}
