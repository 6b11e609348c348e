/** Usage lines that both the help text and a command's own error messages show. */
export const FEE_USAGE = "samkalk fee --budget <budget.csv|xlsx> [--uplift <procent>] [--last-fee <belopp>] [--key <nyckel.csv> [--column \"<rubrik>\"]] [--json]";
export const RECONCILE_USAGE = "samkalk reconcile (<avtal.csv|xlsx> <utfall.csv|xlsx|se> | <uppföljning.csv|xlsx>) [--members <medlemmar.csv>] [--mapping <kontomappning.csv> --year <ÅÅÅÅ>] [--as-of <ÅÅÅÅ-MM-DD>] [--months <n>] [--json]";
export const CALENDAR_USAGE = "samkalk calendar <avtal.csv|xlsx> [--recurring <datum.csv>] [--from <ÅÅÅÅ-MM-DD>] [--months <n>] -o <frister.ics|xlsx|csv>";
