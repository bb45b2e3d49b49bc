"""The day's route from OR-Tools against the optimum found by trying every order on small
instances, and against visiting in list order."""

import itertools
import random

import pytest
from django.urls import reverse

from hogo.casework.routing import Stop, distance_m, plan_route, tour_length

OFFICE = (35.68, 139.76)


def brute_force(office, stops):
    best = None
    for order in itertools.permutations(stops):
        length = tour_length([office] + [(s.latitude, s.longitude) for s in order] + [office])
        best = length if best is None else min(best, length)
    return best


def test_distance_between_tokyo_and_osaka_stations_is_about_403_km():
    assert 400_000 < distance_m((35.6812, 139.7671), (34.7025, 135.4959)) < 406_000


@pytest.mark.parametrize("seed", range(6))
def test_the_route_is_as_short_as_the_best_order(seed):
    rng = random.Random(seed)
    stops = [Stop(str(i), 35.6 + rng.random() * 0.15, 139.65 + rng.random() * 0.2) for i in range(6)]
    route = plan_route(OFFICE, stops)
    assert sorted(route.order) == sorted(s.id for s in stops)
    assert route.length_m == brute_force(OFFICE, stops)
    assert route.length_m <= route.list_order_length_m
    assert sum(route.legs_m) == route.length_m and len(route.legs_m) == 7


def test_a_zigzag_list_is_untangled():
    stops = [
        Stop("far-east", 35.68, 139.90),
        Stop("near-west", 35.68, 139.70),
        Stop("mid-east", 35.68, 139.85),
        Stop("far-west", 35.68, 139.60),
    ]
    route = plan_route(OFFICE, stops)
    assert route.length_m == brute_force(OFFICE, stops)
    assert route.length_m < route.list_order_length_m


def test_the_route_page_orders_three_households_and_reports_both_lengths(cast, located, login):
    ids = [str(h.public_id) for h in located]
    response = login(cast.users["cw"]).get(reverse("visit_route"), {"stop": ids})
    assert response.status_code == 200
    route = response.context["route"]
    assert len(route["stops"]) == 3 and route["length_m"] <= route["list_order_m"]
    assert "選んだ順に回った場合" in response.content.decode()


def test_households_without_a_position_are_named_and_left_out(cast, located, login):
    ids = [str(h.public_id) for h in located] + [str(cast.households["own"].public_id)]
    response = login(cast.users["cw"]).get(reverse("visit_route"), {"stop": ids})
    assert [h.case_number for h in response.context["missing"]] == [cast.households["own"].case_number]
    assert len(response.context["route"]["stops"]) == 3


def test_households_of_another_caseworker_are_not_routed(cast, located, login):
    response = login(cast.users["cw_other"]).get(reverse("visit_route"), {"stop": [str(located[0].public_id)]})
    assert response.context["empty"]
