package dev.bertlab.engine.significance;

/** Which p-value of McNemar's test decides its verdict. */
public enum McNemarMethod {

    /** The exact binomial test on the disagreements; used while there are few of them. */
    EXACT_BINOMIAL,

    /** The chi-square statistic with Edwards' continuity correction, 1 degree of freedom. */
    CHI_SQUARE_CORRECTED
}
