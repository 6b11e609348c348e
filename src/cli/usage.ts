/** Usage lines that both the help text and a command's own error messages show. */
export const FEE_USAGE = "samkalk fee --budget <budget.csv|xlsx> [--uplift <procent>] [--last-fee <belopp>] [--key <nyckel.csv> [--column \"<rubrik>\"]] [--json]";
export const RECONCILE_USAGE = "samkalk reconcile (<avtal.csv|xlsx> <utfall.csv|xlsx|se> | <uppföljning.csv|xlsx>) [--members <medlemmar.csv>] [--index <index.csv>] [--mapping <kontomappning.csv> --year <ÅÅÅÅ>] [--as-of <ÅÅÅÅ-MM-DD>] [--months <n>] [--json]";
export const CALENDAR_USAGE = "samkalk calendar <avtal.csv|xlsx> [--recurring <datum.csv>] [--from <ÅÅÅÅ-MM-DD>] [--months <n>] -o <frister.ics|xlsx|csv>";
export const BRIDGE_USAGE = "samkalk bridge --changes <förändringar.csv|xlsx> --last-fee <belopp> [--fee <belopp>] [--json]";
export const POPULATION_USAGE = "samkalk population <scb.csv|json> (--date <ÅÅÅÅ-MM-DD> | --year <nyckelår> --reference 31-dec|1-nov) [--members <nyckel.csv>] [-o <nyckel.csv>] [--json]";
export const HOSTING_USAGE = "samkalk hosting --costs <kostnader.csv> --key <nyckel.csv> [--column \"<rubrik>\"] --months <n> --start <ÅÅÅÅ-MM> [--json]";
export const CAPITAL_USAGE = "samkalk capital --plan <investeringar.csv> --rate <procent> [--volume <år>=<volym>]... [--service \"<tjänst>\" [--unit <enhet>]] [--json]";
