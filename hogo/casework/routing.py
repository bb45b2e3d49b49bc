"""The order of a day's visits that makes the round trip from the office shortest, solved with
Google OR-Tools (routing library, one vehicle, start and end at the office), and the length of
visiting in list order for comparison. Distances are great-circle metres between stored
coordinates: a map-free estimate (roads are longer), good enough to choose an order."""

import math
from dataclasses import dataclass

from ortools.constraint_solver import pywrapcp, routing_enums_pb2

EARTH_RADIUS_M = 6_371_000


def search_milliseconds(stops: int) -> int:
    """Guided local search runs until its time limit: short for a day's handful of visits."""
    return min(200 + 50 * stops, 2000)


@dataclass(frozen=True)
class Stop:
    id: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Route:
    order: list  # stop ids in visiting order
    legs_m: list  # metres of each leg: office→first, …, last→office
    length_m: int
    list_order_length_m: int


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> int:
    """Great-circle distance (haversine), whole metres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return round(2 * EARTH_RADIUS_M * math.asin(math.sqrt(h)))


def tour_length(points: list[tuple[float, float]]) -> int:
    return sum(distance_m(points[i], points[i + 1]) for i in range(len(points) - 1))


def plan_route(office: tuple[float, float], stops: list[Stop]) -> Route:
    if not stops:
        return Route([], [], 0, 0)
    points = [office] + [(s.latitude, s.longitude) for s in stops]
    matrix = [[distance_m(p, q) for q in points] for p in points]
    manager = pywrapcp.RoutingIndexManager(len(points), 1, 0)
    routing = pywrapcp.RoutingModel(manager)
    transit = routing.RegisterTransitCallback(lambda i, j: matrix[manager.IndexToNode(i)][manager.IndexToNode(j)])
    routing.SetArcCostEvaluatorOfAllVehicles(transit)
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    params.time_limit.FromMilliseconds(search_milliseconds(len(stops)))
    solution = routing.SolveWithParameters(params)
    nodes, index = [], routing.Start(0)
    while not routing.IsEnd(index):
        nodes.append(manager.IndexToNode(index))
        index = solution.Value(routing.NextVar(index))
    nodes.append(0)
    legs = [matrix[nodes[i]][nodes[i + 1]] for i in range(len(nodes) - 1)]
    in_list_order = tour_length(points + [office])
    return Route([stops[n - 1].id for n in nodes[1:-1]], legs, sum(legs), in_list_order)
