/** 联名: the co-signers who have confirmed (those invited less those still to answer), what the hot topics count as a proposal's supporters. */
export const confirmedCosigners = (r: { cosigner_count?: number | null; cosigners_pending?: number | null }): number =>
  Math.max(0, Number(r.cosigner_count ?? 0) - Number(r.cosigners_pending ?? 0));
