package io.signaldesk.portfolio.risk;

/** An account's portfolio risk level; see {@link RiskAssessment} for what each means. */
enum RiskLevel {
    LOW, MEDIUM, HIGH
}
