/** The 待办 module has no tables of its own: it works on the kernel's (work items). */
export type WorklistTables = Record<never, never>;
