//! Messages shared by every screen.

use std::borrow::Cow;

use super::{Locale, Message};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Common {
    AppName,
    Save,
    Cancel,
    Delete,
    Edit,
    Undo,
    Loading,
}

impl Message for Common {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use Common::*;
        use Locale::*;
        Cow::Borrowed(match (self, locale) {
            (AppName, _) => "Cartera",
            (Save, Es) => "Guardar",
            (Save, En) => "Save",
            (Cancel, Es) => "Cancelar",
            (Cancel, En) => "Cancel",
            (Delete, Es) => "Eliminar",
            (Delete, En) => "Delete",
            (Edit, Es) => "Editar",
            (Edit, En) => "Edit",
            (Undo, Es) => "Deshacer",
            (Undo, En) => "Undo",
            (Loading, Es) => "Cargando…",
            (Loading, En) => "Loading…",
        })
    }
}
