/** The 系统管理 module has no tables of its own: it works on the kernel's (working-day calendar, settings and audit log). */
export type SystemTables = Record<never, never>;
