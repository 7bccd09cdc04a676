package dev.interlock.engine.model;

/**
 * Per-trial summary figures: one value per trial, the ones comparisons pair trial by trial. A value
 * may be undefined in a trial (NaN internally, an empty cell in CSV): CAC with no new customer, for
 * example; statistics then count only the trials where it is defined.
 */
public enum Summary {
    CUMULATIVE_PROFIT("cumulative_profit", "currency", false, "profit summed over the horizon"),
    ENDING_ARR("ending_arr", "currency/year", false, "12 × MRR in the last month"),
    PEAK_BACKLOG("peak_backlog", "customers", true, "largest month-end onboarding backlog"),
    MONTHS_SHORT("months_short", "months", true, "months with an onboarding capacity gap > 0"),
    MONTHS_BACKLOG_OVER("months_backlog_over_threshold", "months", true, "months with backlog > onboarding.backlog_threshold"),
    BACKLOG_OVER_ANY("backlog_over_threshold_any", "0/1", true, "1 if the backlog exceeds its threshold in any month"),
    MONTHS_SALES_SHORT("months_sales_short", "months", true, "months with a sales capacity gap > 0"),
    PEAK_UNWORKED("peak_unworked", "leads", true, "largest month-end unworked queue"),
    TOTAL_SPEND("total_spend", "currency", false, "marketing spend over the horizon"),
    TOTAL_LEADS("total_leads", "leads", true, "leads over the horizon"),
    TOTAL_WINS("total_wins", "deals", true, "deals won over the horizon"),
    TOTAL_CLOSES("total_closes", "customers", true, "deals closed over the horizon"),
    TOTAL_GO_LIVES("total_go_lives", "customers", true, "customers onboarded over the horizon"),
    ENDING_CUSTOMERS("ending_customers", "customers", true, "live customers in the last month"),
    TOTAL_REVENUE("total_revenue", "currency", false, "revenue over the horizon"),
    REVENUE_FIRST_12M("revenue_first_12m", "currency", false, "revenue of months 1–12 (all months if fewer)"),
    REVENUE_LAST_12M("revenue_last_12m", "currency", false, "revenue of the last 12 months (all months if fewer)"),
    PROFIT_FIRST_12M("profit_first_12m", "currency", false, "profit of months 1–12 (all months if fewer)"),
    PROFIT_LAST_12M("profit_last_12m", "currency", false, "profit of the last 12 months (all months if fewer)"),
    REVENUE_GROWTH("revenue_growth", "currency", false, "revenue of the last 12 months minus revenue of the first 12"),
    PROFIT_GROWTH("profit_growth", "currency", false, "profit of the last 12 months minus profit of the first 12"),
    TOTAL_COSTS("total_costs", "currency", false, "costs over the horizon"),
    CAC("cac", "currency/customer", false, "(marketing spend + sales reps' cost) / customers closed"),
    LTV("ltv", "currency/customer", false, "ARPA × gross margin × expected lifetime (1/monthly churn, at most 120 months)"),
    LTV_TO_CAC("ltv_to_cac", "ratio", false, "LTV / CAC"),
    PAYBACK_MONTHS("payback_months", "months", false, "CAC / (ARPA × gross margin)"),
    MEAN_WAIT_MONTHS("mean_wait_months", "months", false, "mean months from close to go-live of customers onboarded"),
    TOTAL_CHURNED("total_churned", "customers", true, "live customers lost over the horizon");

    public static final int COUNT = values().length;

    private final String key;
    private final String unit;
    private final boolean integer;
    private final String meaning;

    Summary(String key, String unit, boolean integer, String meaning) {
        this.key = key;
        this.unit = unit;
        this.integer = integer;
        this.meaning = meaning;
    }

    /** True when every value is a whole number (percentiles are then rounded to whole numbers). */
    public boolean integer() {
        return integer;
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
