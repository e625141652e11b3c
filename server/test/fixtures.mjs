// Documents and users shared by the server tests.

export const NOW = '2026-11-26T10:00:00.000Z';

/** The header every Cartera document carries. */
export function header(type, owner, by = owner) {
  return { type, owner, created_at: NOW, created_by: by, updated_at: NOW, updated_by: by };
}

/** A valid contact body, as core/src/domain/contact.rs writes it. */
export function contact(owner, extra = {}) {
  return {
    ...header('contact', owner),
    given_name: 'Lucía',
    family_name: 'Pérez',
    emails: ['lucia@example.com'],
    phones: ['+34612345678'],
    job_title: '',
    address: { street: '', city: 'Sevilla', region: '', postal_code: '', country: 'ES' },
    tags: ['vip'],
    notes: '',
    ...extra,
  };
}

/** A valid account body, as core/src/domain/account.rs writes it. */
export function account(owner, extra = {}) {
  return {
    ...header('account', owner),
    name: 'Talleres Ruiz SL',
    tax_id: 'B12345678',
    industry: 'manufacturing',
    addresses: [{ street: 'C/ Mayor 1', city: 'Madrid', region: '', postal_code: '28001', country: 'ES' }],
    phones: [],
    website: 'https://example.com',
    tags: [],
    notes: '',
    ...extra,
  };
}

export function supportCase(owner, extra = {}) {
  return { ...header('case', owner), subject: 'Printer jams', status: 'open', ...extra };
}

export function activity(owner, extra = {}) {
  return { ...header('activity', owner), subject: 'Call back', kind: 'call', ...extra };
}

export function deal(owner, extra = {}) {
  return { ...header('deal', owner), name: 'Fleet renewal', amount: { amount_minor: 1250000, currency: 'EUR' }, ...extra };
}

/** Test users: the dev roles plus one user with no Cartera role. */
export const USERS = [
  { name: 'ana', password: 'ana-pw', roles: ['rep'] },
  { name: 'bruno', password: 'bruno-pw', roles: ['rep'] },
  { name: 'sofia', password: 'sofia-pw', roles: ['support'] },
  { name: 'marta', password: 'marta-pw', roles: ['manager'] },
  { name: 'admin', password: 'admin-pw', roles: ['admin'] },
  { name: 'nora', password: 'nora-pw', roles: [] },
];
