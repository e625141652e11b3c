//! Messages of the Settings page.

use std::borrow::Cow;

use super::{Locale, Message};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Settings {
    Title,
    Language,
    LanguageEs,
    LanguageEn,
    Profile,
    YourName,
    YourNameHint,
    NameSaved,
    Storage,
    StorageUsed,
    StorageUnknown,
    Persistent,
    PersistentYes,
    PersistentNo,
    PersistentHint,
    Documents,
    Data,
    Backup,
    Export,
    ExportHint,
    Exported,
    SampleData,
    SampleSize,
    LoadSample,
    LoadingSample,
    DeleteAll,
    DeleteAllHint,
    DeleteAllConfirm,
    DeleteAllButton,
    Deleting,
    Reminders,
    RemindersHint,
    /// The browser's notification permission, as the Reminders switch reports it.
    NotifyAllowed,
    NotifyBlocked,
    NotifyAsk,
    NotifyUnsupported,
}

impl Message for Settings {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use Locale::*;
        use Settings::*;
        Cow::Borrowed(match (self, locale) {
            (Title, Es) => "Ajustes",
            (Title, En) => "Settings",
            (Language, Es) => "Idioma",
            (Language, En) => "Language",
            // Language names are written in their own language in every locale.
            (LanguageEs, _) => "Español",
            (LanguageEn, _) => "English",
            (Profile, Es) => "Perfil",
            (Profile, En) => "Profile",
            (YourName, Es) => "Tu nombre",
            (YourName, En) => "Your name",
            (YourNameHint, Es) => "Aparece como responsable de los registros que creas.",
            (YourNameHint, En) => "Shown as the owner of the records you create.",
            (NameSaved, Es) => "Nombre guardado",
            (NameSaved, En) => "Name saved",
            (Storage, Es) => "Almacenamiento en este dispositivo",
            (Storage, En) => "Storage on this device",
            (StorageUsed, Es) => "Espacio usado",
            (StorageUsed, En) => "Space used",
            (StorageUnknown, Es) => "No disponible en este navegador",
            (StorageUnknown, En) => "Not available in this browser",
            (Persistent, Es) => "Almacenamiento persistente",
            (Persistent, En) => "Persistent storage",
            (PersistentYes, Es) => "Sí: el navegador no borrará tus datos para liberar espacio",
            (PersistentYes, En) => "Yes: the browser will not clear your data to free space",
            (PersistentNo, Es) => "No: el navegador podría borrar los datos si falta espacio",
            (PersistentNo, En) => "No: the browser may clear the data when space runs low",
            (PersistentHint, Es) => {
                "Instalar Cartera en la pantalla de inicio suele hacer el almacenamiento persistente."
            }
            (PersistentHint, En) => {
                "Installing Cartera on the home screen usually makes storage persistent."
            }
            (Documents, Es) => "Registros guardados",
            (Documents, En) => "Saved records",
            (Data, Es) => "Datos",
            (Data, En) => "Data",
            (Backup, Es) => "Copia de seguridad",
            (Backup, En) => "Backup",
            (Export, Es) => "Exportar todos los datos (JSON)",
            (Export, En) => "Export all data (JSON)",
            (ExportHint, Es) => "Descarga una copia de todos los registros de este dispositivo.",
            (ExportHint, En) => "Downloads a copy of every record on this device.",
            (Exported, Es) => "Exportación descargada",
            (Exported, En) => "Export downloaded",
            (SampleData, Es) => "Datos de ejemplo",
            (SampleData, En) => "Sample data",
            (SampleSize, Es) => "Número de contactos",
            (SampleSize, En) => "Number of contacts",
            (LoadSample, Es) => "Cargar datos de ejemplo",
            (LoadSample, En) => "Load sample data",
            (LoadingSample, Es) => "Cargando datos de ejemplo",
            (LoadingSample, En) => "Loading sample data",
            (DeleteAll, Es) => "Borrar todos los datos locales",
            (DeleteAll, En) => "Delete all local data",
            (DeleteAllHint, Es) => {
                "Borra de este dispositivo todos los contactos y cuentas de Cartera, y tu perfil."
            }
            (DeleteAllHint, En) => {
                "Removes every Cartera contact and account, and your profile, from this device."
            }
            (DeleteAllConfirm, Es) => {
                "Se borrarán todos los datos de Cartera de este dispositivo. Lo que no se haya exportado o sincronizado se perderá. Esta acción no se puede deshacer."
            }
            (DeleteAllConfirm, En) => {
                "Every Cartera record on this device will be deleted. Anything not exported or synced will be lost. This cannot be undone."
            }
            (DeleteAllButton, Es) => "Borrar todo",
            (DeleteAllButton, En) => "Delete everything",
            (Deleting, Es) => "Borrando…",
            (Deleting, En) => "Deleting…",
            (Reminders, Es) => "Recordatorios",
            (Reminders, En) => "Reminders",
            (RemindersHint, Es) => "Mientras Cartera esté abierta en este dispositivo.",
            (RemindersHint, En) => "While Cartera is open on this device.",
            (NotifyAllowed, Es) => "Notificaciones permitidas.",
            (NotifyAllowed, En) => "Notifications allowed.",
            (NotifyBlocked, Es) => {
                "El navegador bloquea las notificaciones: los avisos saldrán dentro de Cartera."
            }
            (NotifyBlocked, En) => {
                "The browser blocks notifications: reminders will show inside Cartera."
            }
            (NotifyAsk, Es) => "Al activarlos, el navegador pedirá permiso para notificar.",
            (NotifyAsk, En) => "Turning them on asks the browser for permission to notify.",
            (NotifyUnsupported, Es) => {
                "Este navegador no admite notificaciones: los avisos saldrán dentro de Cartera."
            }
            (NotifyUnsupported, En) => {
                "This browser does not support notifications: reminders will show inside Cartera."
            }
        })
    }
}

/// Messages with numbers in them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsCount {
    /// "{used} of {quota}", both already formatted.
    UsedOfQuota { used: String, quota: String },
    /// "{n} contacts" (already formatted number) in the sample size choice.
    Contacts(String),
    /// Progress of loading sample data: "{done} of {total} records".
    Progress { done: String, total: String },
    /// After loading: "{n} sample records added".
    SampleLoaded(String),
    /// The Reminders switch: "Remind me {n} minutes before my activities".
    RemindBefore(i64),
}

impl Message for SettingsCount {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use Locale::*;
        use SettingsCount::*;
        Cow::Owned(match (self, locale) {
            (UsedOfQuota { used, quota }, Es) => format!("{used} de {quota}"),
            (UsedOfQuota { used, quota }, En) => format!("{used} of {quota}"),
            (Contacts(n), Es) => format!("{n} contactos"),
            (Contacts(n), En) => format!("{n} contacts"),
            (Progress { done, total }, Es) => format!("{done} de {total} registros"),
            (Progress { done, total }, En) => format!("{done} of {total} records"),
            (SampleLoaded(n), Es) => format!("{n} registros de ejemplo añadidos"),
            (SampleLoaded(n), En) => format!("{n} sample records added"),
            (RemindBefore(n), Es) => format!("Avisarme {n} minutos antes de mis actividades"),
            (RemindBefore(n), En) => format!("Remind me {n} minutes before my activities"),
        })
    }
}
