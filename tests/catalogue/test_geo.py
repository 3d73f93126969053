"""The one distance formula: symmetric, zero for one point, and right for Dutch cities."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ookbalans.catalogue.geo import EARTH_RADIUS_KM, distance_km

latitudes = st.floats(min_value=-90, max_value=90, allow_nan=False)
longitudes = st.floats(min_value=-180, max_value=180, allow_nan=False)


@given(latitudes, longitudes, latitudes, longitudes)
def test_distance_is_symmetric_and_never_more_than_half_around_the_earth(lat1, lon1, lat2, lon2):
    there = distance_km(lat1, lon1, lat2, lon2)
    assert there == pytest.approx(distance_km(lat2, lon2, lat1, lon1), abs=1e-3)  # within a metre
    assert 0 <= there <= EARTH_RADIUS_KM * math.pi + 1e-6


@given(latitudes, longitudes)
def test_a_point_is_no_distance_from_itself(lat, lon):
    assert distance_km(lat, lon, lat, lon) == 0


@pytest.mark.parametrize(
    ("one", "other", "km"),
    [
        # Landmarks' coordinates; "km" is the geodesic distance on the WGS84 ellipsoid (Vincenty's
        # formula), which the sphere must match within a kilometre across the country.
        ((52.3731, 4.8926), (51.9225, 4.4792), 57.57),  # Amsterdam, Dam - Rotterdam, city hall
        ((52.0908, 5.1222), (53.2192, 6.5681), 159.18),  # Utrecht, Dom tower - Groningen, Martinitoren
        ((50.8514, 5.6910), (53.2192, 6.5681), 270.24),  # Maastricht, Vrijthof - Groningen, Martinitoren
        ((52.138, 6.201), (52.159, 6.413), 14.70),  # Zutphen - Lochem
    ],
)
def test_distances_between_dutch_cities_are_right_within_a_kilometre(one, other, km):
    assert distance_km(*one, *other) == pytest.approx(km, abs=1.0)
