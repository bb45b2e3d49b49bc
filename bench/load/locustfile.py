"""Locust journeys of a welfare office's staff against a running Hogo (bench/load/run.py starts it all).

Each simulated user signs in once as a demo account of its role and then repeats its journey with a
short think time. Requests are named by page, so the report has one row per page. The targets (which
households each caseworker has, need tests, decisions with a notice) come from the JSON file named by
HOGO_LOAD_TARGETS, written by run.py from the seeded database."""

import json
import os
import random
import re
from pathlib import Path

from locust import HttpUser, between, task

TARGETS = json.loads(Path(os.environ["HOGO_LOAD_TARGETS"]).read_text(encoding="utf-8"))
PASSWORD = TARGETS["password"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Staff(HttpUser):
    abstract = True
    wait_time = between(1, 3)  # think time between pages
    role = ""

    def on_start(self):
        account = random.choice(TARGETS["users"][self.role])  # a load mix, not a secret
        self.account = account
        page = self.client.get("/accounts/login/", name="login")
        token = CSRF.search(page.text)
        self.client.post(
            "/accounts/login/",
            {
                "username": account["username"],
                "password": PASSWORD,
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="login",
        )

    def pick(self, key):
        values = self.account.get(key) or []
        return random.choice(values) if values else None

    def household(self):
        if household := self.pick("households"):
            self.client.get(f"/households/{household}/", name="household page")
        return household

    def search(self):
        self.client.get("/households/", params={"q": random.choice(TARGETS["kana"])}, name="search")

    def record_search(self):
        self.client.get("/records/", params={"q": random.choice(TARGETS["words"])}, name="record search")


class Caseworker(Staff):
    weight = 6
    role = "cw"

    @task(3)
    def morning(self):
        self.client.get("/", name="home")
        self.search()
        if household := self.household():
            self.client.get(f"/households/{household}/visit-sheet/", name="visit sheet")

    @task(2)
    def records(self):
        self.record_search()

    @task(1)
    def need_test_and_notice(self):
        if need_test := self.pick("need_tests"):
            self.client.get(f"/need-tests/{need_test}/", name="need test")
        if decision := self.pick("decisions"):
            self.client.get(f"/decisions/{decision}/notice.pdf", name="notice PDF")


class Supervisor(Staff):
    weight = 2
    role = "sv"

    @task
    def review(self):
        self.client.get("/", name="home")
        self.client.get("/approvals/inbox/", name="approval inbox")
        self.household()
        self.record_search()


class Chief(Staff):
    weight = 1
    role = "chief"

    @task
    def overview(self):
        self.client.get("/", name="home")
        self.client.get("/approvals/inbox/", name="approval inbox")
        self.search()


class Clerk(Staff):
    weight = 1
    role = "clerk"

    @task
    def counter(self):
        self.client.get("/", name="home")
        self.search()
        self.household()
