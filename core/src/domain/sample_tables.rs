//! Word lists for the sample data: Spanish and Latin-American names, places and trades.
//! (`rustfmt::skip` keeps the long lists as paragraphs rather than one word per line.)

/// A city with what its addresses and landlines look like.
pub(super) struct City {
    pub name: &'static str,
    pub region: &'static str,
    /// `#` a random digit, `@` a random capital letter.
    pub postal: &'static str,
    /// Landline prefix after the calling code.
    pub area: &'static str,
}

/// A country of the sample data.
pub(super) struct Country {
    pub iso: &'static str,
    pub code: &'static str,
    /// Share of records, out of 100.
    pub weight: u64,
    pub cities: &'static [City],
    /// Length of a landline's national number.
    pub landline_len: usize,
    pub tld: &'static str,
    pub legal_forms: &'static [&'static str],
    pub mail_domains: &'static [&'static str],
}

const fn city(
    name: &'static str,
    region: &'static str,
    postal: &'static str,
    area: &'static str,
) -> City {
    City {
        name,
        region,
        postal,
        area,
    }
}

pub(super) const COUNTRIES: &[Country] = &[
    Country {
        iso: "ES",
        code: "34",
        weight: 50,
        cities: &[
            city("Madrid", "Madrid", "28###", "91"),
            city("Barcelona", "Barcelona", "08###", "93"),
            city("Valencia", "Valencia", "46###", "96"),
            city("Sevilla", "Sevilla", "41###", "954"),
            city("Zaragoza", "Zaragoza", "50###", "976"),
            city("Málaga", "Málaga", "29###", "952"),
            city("Bilbao", "Bizkaia", "48###", "94"),
            city("A Coruña", "A Coruña", "15###", "981"),
            city("Valladolid", "Valladolid", "47###", "983"),
            city("Palma", "Illes Balears", "07###", "971"),
            city("Murcia", "Murcia", "30###", "968"),
            city("Alicante", "Alicante", "03###", "965"),
            city("Vigo", "Pontevedra", "36###", "986"),
            city("Gijón", "Asturias", "33###", "985"),
            city("Córdoba", "Córdoba", "14###", "957"),
            city("Granada", "Granada", "18###", "958"),
            city("Donostia-San Sebastián", "Gipuzkoa", "20###", "943"),
            city("Pamplona", "Navarra", "31###", "948"),
            city("Santander", "Cantabria", "39###", "942"),
            city("Las Palmas de Gran Canaria", "Las Palmas", "35###", "928"),
            city("Salamanca", "Salamanca", "37###", "923"),
            city("León", "León", "24###", "987"),
            city("Cáceres", "Cáceres", "10###", "927"),
            city("Logroño", "La Rioja", "26###", "941"),
        ],
        landline_len: 9,
        tld: "es",
        legal_forms: &["S.L.", "S.A.", "S.L.U.", "S. Coop."],
        mail_domains: &["gmail.com", "hotmail.es", "outlook.es", "yahoo.es"],
    },
    Country {
        iso: "MX",
        code: "52",
        weight: 20,
        cities: &[
            city("Ciudad de México", "CDMX", "06###", "55"),
            city("Guadalajara", "Jalisco", "44###", "33"),
            city("Monterrey", "Nuevo León", "64###", "81"),
            city("Puebla", "Puebla", "72###", "222"),
            city("Querétaro", "Querétaro", "76###", "442"),
            city("Mérida", "Yucatán", "97###", "999"),
            city("Tijuana", "Baja California", "22###", "664"),
            city("León", "Guanajuato", "37###", "477"),
        ],
        landline_len: 10,
        tld: "com.mx",
        legal_forms: &["S.A. de C.V.", "S. de R.L. de C.V.", "S.A.P.I. de C.V."],
        mail_domains: &["gmail.com", "hotmail.com", "outlook.com", "yahoo.com.mx"],
    },
    Country {
        iso: "CO",
        code: "57",
        weight: 10,
        cities: &[
            city("Bogotá", "Bogotá D.C.", "110###", "601"),
            city("Medellín", "Antioquia", "050###", "604"),
            city("Cali", "Valle del Cauca", "760###", "602"),
            city("Barranquilla", "Atlántico", "080###", "605"),
            city("Cartagena", "Bolívar", "130###", "605"),
            city("Bucaramanga", "Santander", "680###", "607"),
        ],
        landline_len: 10,
        tld: "com.co",
        legal_forms: &["S.A.S.", "S.A.", "Ltda."],
        mail_domains: &["gmail.com", "hotmail.com", "outlook.com"],
    },
    Country {
        iso: "AR",
        code: "54",
        weight: 8,
        cities: &[
            city("Buenos Aires", "CABA", "C14##@@@", "11"),
            city("Córdoba", "Córdoba", "X50##@@@", "351"),
            city("Rosario", "Santa Fe", "S20##@@@", "341"),
            city("Mendoza", "Mendoza", "M55##@@@", "261"),
        ],
        landline_len: 10,
        tld: "com.ar",
        legal_forms: &["S.A.", "S.R.L.", "S.A.S."],
        mail_domains: &["gmail.com", "hotmail.com", "yahoo.com.ar"],
    },
    Country {
        iso: "CL",
        code: "56",
        weight: 6,
        cities: &[
            city("Santiago", "Región Metropolitana", "75#####", "22"),
            city("Valparaíso", "Valparaíso", "23#####", "32"),
            city("Concepción", "Biobío", "40#####", "41"),
            city("Antofagasta", "Antofagasta", "12#####", "55"),
        ],
        landline_len: 9,
        tld: "cl",
        legal_forms: &["SpA", "S.A.", "Ltda."],
        mail_domains: &["gmail.com", "hotmail.com", "outlook.com"],
    },
    Country {
        iso: "PE",
        code: "51",
        weight: 6,
        cities: &[
            city("Lima", "Lima", "150##", "1"),
            city("Arequipa", "Arequipa", "040##", "54"),
            city("Trujillo", "La Libertad", "130##", "44"),
            city("Cusco", "Cusco", "080##", "84"),
        ],
        landline_len: 8,
        tld: "com.pe",
        legal_forms: &["S.A.C.", "S.A.", "E.I.R.L."],
        mail_domains: &["gmail.com", "hotmail.com", "outlook.com"],
    },
];

#[rustfmt::skip]
pub(super) const GIVEN_NAMES: &[&str] = &[
    "José", "María", "Juan", "Ana", "Luis", "Carmen", "Javier", "Lucía", "Miguel Ángel", "Sofía",
    "Alejandro", "Valentina", "Andrés", "Camila", "Sergio", "Paula", "Jorge", "Marta", "Raúl",
    "Elena", "Fernando", "Isabel", "Pablo", "Laura", "Diego", "Daniela", "Carlos", "Mariana",
    "Ramón", "Inés", "Íñigo", "Begoña", "Aitor", "Nerea", "Xavier", "Montserrat", "Jordi", "Núria",
    "Iago", "Uxía", "Santiago", "Ximena", "Mateo", "Renata", "Joaquín", "Guadalupe", "Agustín",
    "Florencia", "Matías", "Catalina", "Tomás", "Josefina", "Martín", "Julieta", "Sebastián",
    "Constanza", "Rodrigo", "Milagros", "Cristóbal", "Rocío", "Óscar", "Ángela", "Adrián",
    "Verónica", "Héctor", "Patricia", "Rubén", "Beatriz", "Álvaro", "Noelia", "Gonzalo", "Lorena",
    "Iván", "Silvia", "Nicolás", "Andrea", "Ignacio", "Ainhoa", "Jesús", "Pilar", "Manuel",
    "Dolores", "Francisco", "Rosa", "Antonio", "Teresa", "María José", "Juan Pablo", "Ana Belén",
    "José Luis",
];

#[rustfmt::skip]
pub(super) const SURNAMES: &[&str] = &[
    "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez",
    "Gómez", "Martín", "Jiménez", "Hernández", "Ruiz", "Díaz", "Moreno", "Muñoz", "Álvarez",
    "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil",
    "Ramírez", "Serrano", "Blanco", "Molina", "Morales", "Suárez", "Ortega", "Delgado", "Castro",
    "Ortiz", "Rubio", "Marín", "Sanz", "Núñez", "Iglesias", "Medina", "Garrido", "Cortés",
    "Castillo", "Santos", "Lozano", "Guerrero", "Cano", "Prieto", "Méndez", "Cruz", "Calvo",
    "Gallego", "Vidal", "León", "Márquez", "Herrera", "Peña", "Flores", "Cabrera", "Campos", "Vega",
    "Fuentes", "Carrasco", "Díez", "Caballero", "Reyes", "Nieto", "Aguilar", "Pascual", "Santana",
    "Ibáñez", "Ferrer", "Durán", "Benítez", "Vargas", "Arias", "Quispe", "Mamani", "Huamán",
    "Valenzuela", "Contreras", "Sepúlveda", "Araya", "Espinoza", "Castañeda", "Zúñiga", "Ordóñez",
    "Echeverría", "Ibarra", "Cárdenas", "Salazar", "Mejía", "Ospina", "Restrepo", "Londoño",
    "Acosta", "Benavides", "Etxeberria", "Goikoetxea", "Puig", "Vilanova", "Castelao", "Otero",
];

/// (industry, the word companies of that trade put in their name).
pub(super) const INDUSTRIES: &[(&str, &str)] = &[
    ("Alimentación y bebidas", "Alimentos"),
    ("Construcción", "Construcciones"),
    ("Logística y transporte", "Logística"),
    ("Farmacéutica", "Farma"),
    ("Tecnología", "Sistemas"),
    ("Consultoría", "Consultores"),
    ("Hostelería y turismo", "Hoteles"),
    ("Agricultura", "Agrícola"),
    ("Textil y moda", "Textil"),
    ("Energía", "Energía"),
    ("Automoción", "Automotriz"),
    ("Inmobiliaria", "Inmobiliaria"),
    ("Comercio minorista", "Comercial"),
    ("Salud", "Clínicas"),
    ("Educación", "Formación"),
    ("Química", "Químicas"),
    ("Maquinaria industrial", "Maquinaria"),
    ("Distribución", "Distribuciones"),
];

#[rustfmt::skip]
pub(super) const BRAND_WORDS: &[&str] = &[
    "Ibérica", "Andina", "del Pacífico", "Atlántica", "Levante", "Cantábrica", "Austral", "Azteca",
    "Norte", "del Sur", "Global", "Integral", "Nova", "Alfa", "Sol", "Olivo", "Roble", "Encina",
    "Cóndor", "Quetzal", "Jaguar", "Faro", "Horizonte", "Mediterránea", "Sierra", "Valle",
    "Altiplano", "Caribe", "Maya", "Inca", "Pampa", "Duero", "Ebro", "Guadalquivir", "Magdalena",
    "Aconcagua",
];

#[rustfmt::skip]
pub(super) const STREETS: &[&str] = &[
    "Calle Mayor", "Avenida de la Constitución", "Calle Real", "Calle del Carmen",
    "Paseo de la Castellana", "Calle San Vicente", "Avenida de Andalucía", "Rúa do Franco",
    "Carrer de Balmes", "Calle Alcalá", "Avenida Insurgentes Sur", "Avenida Reforma",
    "Calle Hidalgo", "Calle Juárez", "Carrera 7", "Calle 72", "Avenida El Poblado",
    "Avenida Corrientes", "Calle Florida", "Avenida Libertador", "Avenida Providencia",
    "Calle Huérfanos", "Avenida Larco", "Jirón de la Unión", "Calle Bolívar", "Avenida San Martín",
    "Calle Sucre", "Plaza de España", "Calle Núñez de Balboa", "Calle Peñalver",
];

#[rustfmt::skip]
pub(super) const JOB_TITLES: &[&str] = &[
    "Director General", "Directora General", "Gerente de Compras", "Jefe de Compras",
    "Jefa de Compras", "Responsable de Compras", "Director Financiero", "Directora Financiera",
    "Responsable de Logística", "Jefa de Almacén", "Jefe de Almacén", "Administrador",
    "Administradora", "Técnico de Mantenimiento", "Coordinadora de Proyectos",
    "Ingeniero de Planta", "Responsable de Calidad", "Director de Operaciones",
    "Asistente de Dirección", "Gerente de Sucursal", "Encargado de Tienda", "Encargada de Tienda",
    "Analista de Compras", "Consejero Delegado", "Propietario", "Propietaria", "Gerente Comercial",
    "Responsable de Mantenimiento", "Jefe de Obra", "Directora de Marketing",
];

#[rustfmt::skip]
pub(super) const TAGS: &[&str] = &[
    "cliente", "potencial", "vip", "distribuidor", "mayorista", "minorista", "feria 2025",
    "recomendado", "pago pendiente", "nuevo", "renovación", "zona norte", "zona sur", "exportación",
    "licitación",
];

pub(super) const NOTES: &[&str] = &[
    "Prefiere llamadas por la mañana.",
    "Visitar antes de fin de trimestre.",
    "Interesado en el catálogo nuevo.",
    "Pide factura electrónica.",
    "Contactar por WhatsApp, no por correo.",
    "Decide con el socio; enviar propuesta a los dos.",
    "Pedido mínimo de 50 unidades.",
    "Cierra en agosto.",
];
