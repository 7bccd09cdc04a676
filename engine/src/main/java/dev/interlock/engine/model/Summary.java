package dev.interlock.engine.model;

/**
 * Per-trial summary figures: one value per trial, the ones comparisons pair trial by trial. A value
 * may be undefined in a trial (NaN internally, an empty cell in CSV): CAC with no new customer, for
 * example; statistics then count only the trials where it is defined.
 */
public enum Summary {
    CUMULATIVE_PROFIT("cumulative_profit", "currency", "profit summed over the horizon"),
    ENDING_ARR("ending_arr", "currency/year", "12 × MRR in the last month"),
    PEAK_BACKLOG("peak_backlog", "customers", "largest month-end onboarding backlog"),
    MONTHS_SHORT("months_short", "months", "months with an onboarding capacity gap > 0"),
    MONTHS_BACKLOG_OVER("months_backlog_over_threshold", "months", "months with backlog > onboarding.backlog_threshold"),
    BACKLOG_OVER_ANY("backlog_over_threshold_any", "0/1", "1 if the backlog exceeds its threshold in any month"),
    MONTHS_SALES_SHORT("months_sales_short", "months", "months with a sales capacity gap > 0"),
    PEAK_UNWORKED("peak_unworked", "leads", "largest month-end unworked queue"),
    TOTAL_SPEND("total_spend", "currency", "marketing spend over the horizon"),
    TOTAL_LEADS("total_leads", "leads", "leads over the horizon"),
    TOTAL_WINS("total_wins", "deals", "deals won over the horizon"),
    TOTAL_CLOSES("total_closes", "customers", "deals closed over the horizon"),
    TOTAL_GO_LIVES("total_go_lives", "customers", "customers onboarded over the horizon"),
    ENDING_CUSTOMERS("ending_customers", "customers", "live customers in the last month"),
    TOTAL_REVENUE("total_revenue", "currency", "revenue over the horizon"),
    REVENUE_FIRST_12M("revenue_first_12m", "currency", "revenue of months 1–12 (all months if fewer)"),
    REVENUE_LAST_12M("revenue_last_12m", "currency", "revenue of the last 12 months (all months if fewer)"),
    PROFIT_LAST_12M("profit_last_12m", "currency", "profit of the last 12 months (all months if fewer)"),
    TOTAL_COSTS("total_costs", "currency", "costs over the horizon"),
    CAC("cac", "currency/customer", "(marketing spend + sales reps' cost) / customers closed"),
    LTV("ltv", "currency/customer", "ARPA × gross margin × expected lifetime (1/monthly churn, at most 120 months)"),
    LTV_TO_CAC("ltv_to_cac", "ratio", "LTV / CAC"),
    PAYBACK_MONTHS("payback_months", "months", "CAC / (ARPA × gross margin)"),
    MEAN_WAIT_MONTHS("mean_wait_months", "months", "mean months from close to go-live of customers onboarded"),
    TOTAL_CHURNED("total_churned", "customers", "live customers lost over the horizon");

    public static final int COUNT = values().length;

    private final String key;
    private final String unit;
    private final String meaning;

    Summary(String key, String unit, String meaning) {
        this.key = key;
        this.unit = unit;
        this.meaning = meaning;
    }

    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    public String meaning() {
        return meaning;
    }

    public static Summary byKey(String key) {
        for (Summary s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }
}
