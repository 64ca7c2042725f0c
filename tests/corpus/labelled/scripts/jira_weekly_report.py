import base64
import datetime

import requests

JIRA = "https://acme.atlassian.net"
AUTH = ("release-bot@acme.dev", "ATATT3xFfGF0_0GOEsGzEtlMYF6SdH169ZM6CACj3QP6RkO-uOU50HjE05NTnpA7sUw04lP1iTmP5GYGf9YN7L8QWsFOzfc5Fx59xwCri07XjRmNIaxAuVITZt_yeGl8t7w7NAH84paWV0PR2IXyyj4wA4FgkfS6NX801Vx-gh0TshdM4Q-KD-s=BED6DD16")


def issues_closed_last_week(project):
    since = (datetime.date.today() - datetime.timedelta(days=7)).isoformat()
    jql = f'project = {project} AND status = Done AND resolved >= "{since}"'
    r = requests.get(f"{JIRA}/rest/api/3/search", params={"jql": jql, "maxResults": 200},
                     auth=AUTH, timeout=30)
    r.raise_for_status()
    return r.json()["issues"]


if __name__ == "__main__":
    for issue in issues_closed_last_week("PLAT"):
        print(issue["key"], issue["fields"]["summary"])
