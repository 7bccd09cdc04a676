package dev.interlock.engine.model;

/**
 * The per-month quantities one trial reports (MODEL.md, "What a run reports"), in a fixed order that
 * is also the order of {@code monthly.csv}. Each has a unit; counts are whole numbers per month unless
 * the unit says otherwise.
 */
public enum Metric {
    SPEND("spend", "currency/month", false, "marketing spend after pacing"),
    LEADS("leads", "leads/month", true, "new leads from all channels"),
    QUALIFIED("qualified", "leads/month", true, "leads handed to sales and qualified"),
    SALES_CAPACITY("sales_capacity", "leads/month", true, "qualified leads the ramped reps can work"),
    WORKED("worked", "leads/month", true, "qualified leads worked by sales"),
    UNWORKED("unworked", "leads", true, "leads left in sales' queue at month end, after decay"),
    SALES_GAP("sales_gap", "leads/month", true, "queue minus sales capacity (positive = sales short)"),
    WINS("wins", "deals/month", true, "deals won this month (they close after the sales-cycle lag)"),
    CLOSES("closes", "customers/month", true, "deals closing this month: new customers for onboarding"),
    ONBOARDING_DEMAND("onboarding_demand", "customers", true, "backlog from last month plus this month's closes"),
    ONBOARDING_CAPACITY("onboarding_capacity", "customers/month", true, "customers the ramped staff can onboard"),
    ONBOARDING_GAP("onboarding_gap", "customers", true, "demand minus capacity (positive = operations short)"),
    BACKLOG("onboarding_backlog", "customers", true, "customers still waiting at month end"),
    GO_LIVES("go_lives", "customers/month", true, "customers onboarded and live this month"),
    CHURNED_WAITING("churned_waiting", "customers/month", true, "waiting customers lost before go-live"),
    CHURNED("churned", "customers/month", true, "live customers lost this month"),
    ACTIVE_CUSTOMERS("active_customers", "customers", true, "live customers at month end"),
    MRR("mrr", "currency/month", false, "monthly recurring revenue at month end"),
    REVENUE("revenue", "currency/month", false, "revenue recognised this month"),
    GROSS_PROFIT("gross_profit", "currency/month", false, "revenue × gross margin"),
    COSTS("costs", "currency/month", false, "spend + reps + onboarding staff + structure overhead + fixed"),
    PROFIT("profit", "currency/month", false, "gross profit − costs"),
    CUMULATIVE_PROFIT("cumulative_profit", "currency", false, "running sum of profit"),
    REPS("reps", "people", true, "sales reps on the books (ramping included)"),
    ONBOARDING_STAFF("onboarding_staff", "people", true, "onboarding staff on the books (ramping included)");

    public static final int COUNT = values().length;

    private final String key;
    private final String unit;
    private final boolean integer;
    private final String meaning;

    Metric(String key, String unit, boolean integer, String meaning) {
        this.key = key;
        this.unit = unit;
        this.integer = integer;
        this.meaning = meaning;
    }

    /** Column value in CSV files. */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    /** True when every value is a whole number (percentiles are then rounded to whole numbers). */
    public boolean integer() {
        return integer;
    }

    public String meaning() {
        return meaning;
    }

    public static Metric byKey(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        return null;
    }
}
