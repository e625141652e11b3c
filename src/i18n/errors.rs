//! Storage errors in words. Every `StoreError` and `WriteError` variant maps to a message;
//! the user never sees `to_string()` of an error.

use std::borrow::Cow;

use cartera_core::store::{StoreError, WriteError};

use super::{Locale, Message};

/// What went wrong with storage, as the user should read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorMsg {
    QuotaExceeded,
    Unavailable,
    VersionTooNew,
    Corrupt,
    Backend,
    Conflict,
    InvalidId,
    ReservedField,
    Unexpected,
}

impl From<&StoreError> for ErrorMsg {
    fn from(e: &StoreError) -> Self {
        match e {
            StoreError::QuotaExceeded => Self::QuotaExceeded,
            StoreError::Unavailable(_) => Self::Unavailable,
            StoreError::VersionTooNew => Self::VersionTooNew,
            StoreError::Corrupt { .. } => Self::Corrupt,
            StoreError::Backend(_) => Self::Backend,
        }
    }
}

impl From<&WriteError> for ErrorMsg {
    fn from(e: &WriteError) -> Self {
        match e {
            WriteError::Conflict => Self::Conflict,
            WriteError::InvalidId => Self::InvalidId,
            WriteError::ReservedField => Self::ReservedField,
        }
    }
}

impl Message for ErrorMsg {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use ErrorMsg::*;
        use Locale::*;
        Cow::Borrowed(match (self, locale) {
            (QuotaExceeded, Es) => {
                "El dispositivo no tiene más espacio para Cartera. Lo ya guardado sigue a salvo; libera espacio y vuelve a intentarlo."
            }
            (QuotaExceeded, En) => {
                "This device has no more room for Cartera. What was already saved is safe; free some space and try again."
            }
            (Unavailable, Es) => {
                "El navegador no permite guardar datos (¿modo privado u otra pestaña actualizando?)."
            }
            (Unavailable, En) => {
                "The browser does not allow saving data (private mode, or another tab upgrading?)."
            }
            (VersionTooNew, Es) => {
                "Los datos de este dispositivo son de una versión más nueva de Cartera. Recarga para actualizar la aplicación."
            }
            (VersionTooNew, En) => {
                "The data on this device comes from a newer version of Cartera. Reload to update the app."
            }
            (Corrupt, Es) => "Un registro guardado no se puede leer.",
            (Corrupt, En) => "A saved record cannot be read.",
            (Backend, Es) => {
                "No se pudo completar la operación de almacenamiento. Inténtalo de nuevo."
            }
            (Backend, En) => "The storage operation could not be completed. Please try again.",
            (Conflict, Es) => {
                "Otra persona o pestaña cambió este registro antes. Recarga para ver la última versión."
            }
            (Conflict, En) => {
                "Someone or another tab changed this record first. Reload to see the latest version."
            }
            (InvalidId, Es) => "El identificador del registro no es válido.",
            (InvalidId, En) => "The record identifier is not valid.",
            (ReservedField, Es) => "El registro tiene un campo con nombre reservado.",
            (ReservedField, En) => "The record has a field with a reserved name.",
            (Unexpected, Es) => "Algo salió mal. Inténtalo de nuevo.",
            (Unexpected, En) => "Something went wrong. Please try again.",
        })
    }
}
