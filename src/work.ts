// A count of characters the scanning loops look at. Tests compare it across
// input sizes to prove the finders linear on adversarial text without
// timing anything (a busy machine only changes times, never this count).

export const work = { steps: 0 };
