//! Messages of the app shell: navigation, loading and storage screens, update banner,
//! toasts, dialogs and the not-found page.

use std::borrow::Cow;

use super::{Locale, Message};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shell {
    SkipToContent,
    MainNav,
    NavContacts,
    NavAccounts,
    NavSettings,
    OpeningStorage,
    StorageProblemTitle,
    StorageProblemHint,
    TryAgain,
    UpdateAvailable,
    Reload,
    Dismiss,
    Notifications,
    ConfirmTitle,
    NotFoundTitle,
    NotFoundBody,
    BackToContacts,
    Offline,
}

impl Message for Shell {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use Locale::*;
        use Shell::*;
        Cow::Borrowed(match (self, locale) {
            (SkipToContent, Es) => "Saltar al contenido",
            (SkipToContent, En) => "Skip to content",
            (MainNav, Es) => "Navegación principal",
            (MainNav, En) => "Main navigation",
            (NavContacts, Es) => "Contactos",
            (NavContacts, En) => "Contacts",
            (NavAccounts, Es) => "Cuentas",
            (NavAccounts, En) => "Accounts",
            (NavSettings, Es) => "Ajustes",
            (NavSettings, En) => "Settings",
            (OpeningStorage, Es) => "Abriendo tus datos…",
            (OpeningStorage, En) => "Opening your data…",
            (StorageProblemTitle, Es) => "No se puede abrir el almacenamiento",
            (StorageProblemTitle, En) => "Storage cannot be opened",
            (StorageProblemHint, Es) => {
                "Tus datos guardados no se han tocado. Cierra otras pestañas de Cartera y vuelve a intentarlo."
            }
            (StorageProblemHint, En) => {
                "Your saved data has not been touched. Close other Cartera tabs and try again."
            }
            (TryAgain, Es) => "Reintentar",
            (TryAgain, En) => "Try again",
            (UpdateAvailable, Es) => "Hay una nueva versión disponible",
            (UpdateAvailable, En) => "A new version is available",
            (Reload, Es) => "Recargar",
            (Reload, En) => "Reload",
            (Dismiss, Es) => "Cerrar",
            (Dismiss, En) => "Dismiss",
            (Notifications, Es) => "Avisos",
            (Notifications, En) => "Notifications",
            (ConfirmTitle, Es) => "¿Seguro?",
            (ConfirmTitle, En) => "Are you sure?",
            (NotFoundTitle, Es) => "Página no encontrada",
            (NotFoundTitle, En) => "Page not found",
            (NotFoundBody, Es) => "Esta dirección no existe en Cartera.",
            (NotFoundBody, En) => "This address does not exist in Cartera.",
            (BackToContacts, Es) => "Ir a contactos",
            (BackToContacts, En) => "Go to contacts",
            (Offline, Es) => "Sin conexión: tus cambios se guardan en este dispositivo",
            (Offline, En) => "Offline: your changes are saved on this device",
        })
    }
}
