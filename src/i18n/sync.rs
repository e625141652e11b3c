//! Messages of sync: the status indicator, sign-in and sign-out, the server's refusals and
//! conflict resolution. Every `SyncErrorCode` and refusal code has words here.

use std::borrow::Cow;

use cartera_core::sync::SyncErrorCode;

use super::{Locale, Message};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncMsg {
    StatusLabel,
    Offline,
    Syncing,
    UpToDate,
    NotConfigured,
    SignIn,
    Retry,
    RetryingSoon,
    LoginTitle,
    LoginIntro,
    Server,
    ServerHint,
    User,
    Password,
    SigningIn,
    ServerInvalid,
    UserRequired,
    PasswordRequired,
    WrongPassword,
    Unreachable,
    LoginFailed,
    NoAccess,
    SignedIn,
    SyncSection,
    SignedInAs,
    NotSignedIn,
    SignOut,
    SignOutTitle,
    SignOutMessage,
    KeepData,
    WipeData,
    SignedOut,
    ConflictBadge,
    RefusedBadge,
    ConflictTitle,
    ConflictIntro,
    ConflictNoBase,
    ConflictBothChanged,
    ConflictNothingToAsk,
    MergedFields,
    BaseValue,
    ConflictGone,
    FieldName,
    Mine,
    Theirs,
    Empty,
    KeepChoices,
    ConflictResolved,
    ConflictChanged,
    BackToRecord,
}

impl Message for SyncMsg {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use Locale::*;
        use SyncMsg::*;
        Cow::Borrowed(match (self, locale) {
            (StatusLabel, Es) => "Estado de sincronización",
            (StatusLabel, En) => "Sync status",
            (Offline, Es) => "Sin conexión",
            (Offline, En) => "Offline",
            (Syncing, Es) => "Sincronizando…",
            (Syncing, En) => "Syncing…",
            (UpToDate, Es) => "Sincronizado",
            (UpToDate, En) => "Up to date",
            (NotConfigured, Es) => "Solo en este dispositivo",
            (NotConfigured, En) => "On this device only",
            (SignIn, Es) => "Iniciar sesión",
            (SignIn, En) => "Sign in",
            (Retry, Es) => "Reintentar",
            (Retry, En) => "Retry",
            (RetryingSoon, Es) => "se reintentará en breve",
            (RetryingSoon, En) => "retrying shortly",
            (LoginTitle, Es) => "Conectar con el servidor",
            (LoginTitle, En) => "Connect to the server",
            (LoginIntro, Es) => {
                "Tus datos se guardan en este dispositivo y se sincronizan con el servidor de tu equipo cuando hay conexión."
            }
            (LoginIntro, En) => {
                "Your data is kept on this device and syncs with your team's server whenever there is a connection."
            }
            (Server, Es) => "Servidor",
            (Server, En) => "Server",
            (ServerHint, Es) => {
                "Dirección del servidor de sincronización, p. ej. https://crm.ejemplo.com"
            }
            (ServerHint, En) => "Address of the sync server, e.g. https://crm.example.com",
            (User, Es) => "Usuario",
            (User, En) => "User name",
            (Password, Es) => "Contraseña",
            (Password, En) => "Password",
            (SigningIn, Es) => "Conectando…",
            (SigningIn, En) => "Signing in…",
            (ServerInvalid, Es) => "Escribe una dirección de servidor válida.",
            (ServerInvalid, En) => "Enter a valid server address.",
            (UserRequired, Es) => "Escribe tu usuario.",
            (UserRequired, En) => "Enter your user name.",
            (PasswordRequired, Es) => "Escribe tu contraseña.",
            (PasswordRequired, En) => "Enter your password.",
            (WrongPassword, Es) => "Usuario o contraseña incorrectos.",
            (WrongPassword, En) => "Wrong user name or password.",
            (Unreachable, Es) => {
                "No se puede contactar con el servidor. Comprueba la dirección y tu conexión (o que el servidor admita esta aplicación)."
            }
            (Unreachable, En) => {
                "The server cannot be reached. Check the address and your connection (and that the server allows this app)."
            }
            (LoginFailed, Es) => "El servidor no ha aceptado el inicio de sesión.",
            (LoginFailed, En) => "The server did not accept the sign-in.",
            (NoAccess, Es) => {
                "Tu cuenta no tiene acceso a los datos de Cartera en este servidor: pide a un administrador que te asigne un rol."
            }
            (NoAccess, En) => {
                "Your account has no access to Cartera's data on this server: ask an administrator to give you a role."
            }
            (SignedIn, Es) => "Sesión iniciada: sincronizando",
            (SignedIn, En) => "Signed in: syncing",
            (SyncSection, Es) => "Sincronización",
            (SyncSection, En) => "Sync",
            (SignedInAs, Es) => "Conectado como",
            (SignedInAs, En) => "Signed in as",
            (NotSignedIn, Es) => {
                "No has iniciado sesión: los datos solo están en este dispositivo."
            }
            (NotSignedIn, En) => "Not signed in: your data is on this device only.",
            (SignOut, Es) => "Cerrar sesión",
            (SignOut, En) => "Sign out",
            (SignOutTitle, Es) => "¿Cerrar sesión?",
            (SignOutTitle, En) => "Sign out?",
            (SignOutMessage, Es) => {
                "Puedes conservar los datos en este dispositivo o borrarlos. Los cambios aún no sincronizados se perderían al borrar."
            }
            (SignOutMessage, En) => {
                "You can keep the data on this device or wipe it. Changes not yet synced would be lost by wiping."
            }
            (KeepData, Es) => "Cerrar sesión y conservar datos",
            (KeepData, En) => "Sign out, keep data",
            (WipeData, Es) => "Cerrar sesión y borrar datos",
            (WipeData, En) => "Sign out, wipe data",
            (SignedOut, Es) => "Sesión cerrada",
            (SignedOut, En) => "Signed out",
            (ConflictBadge, Es) => "Conflicto: revisar",
            (ConflictBadge, En) => "Conflict: review",
            (RefusedBadge, Es) => "No sincronizado",
            (RefusedBadge, En) => "Not synced",
            (ConflictTitle, Es) => "Resolver conflicto",
            (ConflictTitle, En) => "Resolve conflict",
            (ConflictIntro, Es) => {
                "Este registro se editó en dos sitios a la vez. Elige, campo a campo, qué valor conservar."
            }
            (ConflictIntro, En) => {
                "This record was edited in two places at once. Choose, field by field, which value to keep."
            }
            (ConflictNoBase, Es) => {
                "No se conserva la versión anterior común, así que los campos marcados necesitan tu elección."
            }
            (ConflictNoBase, En) => {
                "The common earlier version is not kept, so the marked fields need your choice."
            }
            (ConflictBothChanged, Es) => {
                "Las dos versiones cambiaron estos campos de forma distinta: elige qué valor conservar."
            }
            (ConflictBothChanged, En) => {
                "Both versions changed these fields differently: choose which value to keep."
            }
            (ConflictNothingToAsk, Es) => {
                "Los cambios de las versiones no chocan: guarda para combinarlos."
            }
            (ConflictNothingToAsk, En) => {
                "The versions' changes do not collide: save to merge them."
            }
            (MergedFields, Es) => "Combinados sin preguntar",
            (MergedFields, En) => "Merged without asking",
            (BaseValue, Es) => "Antes",
            (BaseValue, En) => "Before",
            (ConflictGone, Es) => "Este registro ya no tiene conflictos.",
            (ConflictGone, En) => "This record has no conflicts any more.",
            (FieldName, Es) => "Campo",
            (FieldName, En) => "Field",
            (Mine, Es) => "Versión actual",
            (Mine, En) => "Current version",
            (Theirs, Es) => "Otra versión",
            (Theirs, En) => "Other version",
            (Empty, Es) => "(vacío)",
            (Empty, En) => "(empty)",
            (KeepChoices, Es) => "Guardar selección",
            (KeepChoices, En) => "Save selection",
            (ConflictResolved, Es) => "Conflicto resuelto",
            (ConflictResolved, En) => "Conflict resolved",
            (ConflictChanged, Es) => {
                "El registro cambió mientras lo revisabas; vuelve a revisarlo."
            }
            (ConflictChanged, En) => {
                "The record changed while you were reviewing it; review it again."
            }
            (BackToRecord, Es) => "Volver al registro",
            (BackToRecord, En) => "Back to the record",
        })
    }
}

/// Messages with numbers or dates already formatted for the locale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncCount {
    /// "120 de 10.000"
    Progress(String, String),
    /// Documents done, total unknown.
    ProgressDone(String),
    /// Local changes waiting to be sent.
    Pending(String),
    /// "sincronizado hace 2 min"; the argument is a duration in minutes.
    SyncedMinutesAgo(u64),
    /// Last synced at a formatted date and time.
    SyncedAt(String),
    /// "Theirs 2" when several other versions exist.
    TheirsN(usize),
}

impl Message for SyncCount {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use Locale::*;
        use SyncCount::*;
        Cow::Owned(match (self, locale) {
            (Progress(done, total), Es) => format!("{done} de {total}"),
            (Progress(done, total), En) => format!("{done} of {total}"),
            (ProgressDone(done), Es) => format!("{done} revisados"),
            (ProgressDone(done), En) => format!("{done} checked"),
            (Pending(n), Es) => format!("{n} sin enviar"),
            (Pending(n), En) => format!("{n} to send"),
            (SyncedMinutesAgo(0), Es) => "sincronizado ahora mismo".into(),
            (SyncedMinutesAgo(0), En) => "synced just now".into(),
            (SyncedMinutesAgo(m), Es) => format!("sincronizado hace {m} min"),
            (SyncedMinutesAgo(m), En) => format!("synced {m} min ago"),
            (SyncedAt(at), Es) => format!("sincronizado el {at}"),
            (SyncedAt(at), En) => format!("last synced {at}"),
            (TheirsN(n), Es) => format!("Otra versión {n}"),
            (TheirsN(n), En) => format!("Other version {n}"),
        })
    }
}

/// A sync failure in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyncErrorText(pub SyncErrorCode);

impl Message for SyncErrorText {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use Locale::*;
        use SyncErrorCode::*;
        Cow::Borrowed(match (self.0, locale) {
            (Network, Es) => "No se puede contactar con el servidor",
            (Network, En) => "The server cannot be reached",
            (Timeout, Es) => "El servidor tarda demasiado en responder",
            (Timeout, En) => "The server is taking too long to answer",
            (ServerError, Es) => "El servidor tiene problemas",
            (ServerError, En) => "The server is having trouble",
            (InvalidResponse | MissingRevision, Es) => "Respuesta incompleta del servidor",
            (InvalidResponse | MissingRevision, En) => "Incomplete answer from the server",
            (Unauthorized, Es) => "La sesión ha caducado: vuelve a iniciar sesión",
            (Unauthorized, En) => "Your session expired: sign in again",
            (Forbidden, Es) => "Tu cuenta no tiene acceso a estos datos",
            (Forbidden, En) => "Your account has no access to this data",
            (DatabaseMissing, Es) => "El servidor no tiene la base de datos de Cartera",
            (DatabaseMissing, En) => "The server has no Cartera database",
            (BadRequest, Es) => "El servidor rechazó la petición",
            (BadRequest, En) => "The server refused the request",
            (CheckpointConflict, Es) => "Otra sincronización estaba en curso",
            (CheckpointConflict, En) => "Another sync was under way",
            (WriteFailed, Es) => "No se pudo guardar un cambio",
            (WriteFailed, En) => "A change could not be stored",
            (StorageFull, Es) => "El dispositivo no tiene más espacio",
            (StorageFull, En) => "This device is out of space",
            (StorageUnavailable, Es) => "El almacenamiento local no está disponible",
            (StorageUnavailable, En) => "Local storage is unavailable",
            (StorageTooNew, Es) => "Los datos son de una versión más nueva: recarga la app",
            (StorageTooNew, En) => "Data is from a newer version: reload the app",
            (StorageCorrupt, Es) => "Los datos locales no se pueden leer",
            (StorageCorrupt, En) => "Local data cannot be read",
        })
    }
}

/// Why the server refused a record, from the `validate_doc_update` code (`None` or an unknown
/// code: the generic message).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusalText(pub Option<String>);

impl Message for RefusalText {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use Locale::*;
        Cow::Borrowed(match (self.0.as_deref(), locale) {
            (Some("unauthenticated"), Es) => "El servidor no te reconoce: vuelve a iniciar sesión.",
            (Some("unauthenticated"), En) => "The server does not recognise you: sign in again.",
            (Some("no_role"), Es) => "Tu cuenta no tiene un rol de Cartera.",
            (Some("no_role"), En) => "Your account has no Cartera role.",
            (Some("not_owner"), Es) => "Este registro es de otra persona y no puedes modificarlo.",
            (Some("not_owner"), En) => "This record belongs to someone else; you cannot change it.",
            (Some("owner_change"), Es) => "Solo un responsable puede reasignar el registro.",
            (Some("owner_change"), En) => "Only a manager can reassign this record.",
            (Some("forbidden_type"), Es) => "Tu rol no permite guardar este tipo de registro.",
            (Some("forbidden_type"), En) => "Your role may not save this kind of record.",
            (Some("missing_field" | "invalid_field" | "unknown_type" | "type_changed"), Es) => {
                "El servidor considera incompleto o incorrecto este registro: revísalo y guárdalo de nuevo."
            }
            (Some("missing_field" | "invalid_field" | "unknown_type" | "type_changed"), En) => {
                "The server finds this record incomplete or invalid: check it and save it again."
            }
            (_, Es) => "El servidor rechazó este cambio; no se enviará hasta que lo edites.",
            (_, En) => "The server refused this change; it will not be sent until you edit it.",
        })
    }
}
