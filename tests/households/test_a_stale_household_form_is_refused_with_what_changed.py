"""Two people open the same household form; the one who saves second is refused with what the first
changed (the field's label and its new value) and nothing is saved; the first one's change stays.
Saving the refused form again, after reading the message, is a deliberate overwrite."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from hogo.common import versions
from hogo.households import services
from hogo.households.models import Household

pytestmark = pytest.mark.django_db


def opened(user, url, form="form"):
    """A browser of `user` that has loaded the form at `url`: the client and the form's hidden version."""
    client = Client()
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    assert '<input type="hidden" name="version"' in response.content.decode()  # the page carries it
    return client, response.context[form]["version"].value()


def always_know(cast, household):
    url = reverse("always_know_edit", args=[household.public_id])
    return url, opened(cast.users["cw"], url), opened(cast.users["sv"], url)


def test_the_later_submit_of_an_earlier_loaded_always_know_form_is_refused_naming_what_changed(cast):
    household = cast.households["own"]
    url, (first, first_version), (second, second_version) = always_know(cast, household)

    saved = first.post(url, {"assistance_policy": "就労支援を優先する。", "cautions": "", "version": first_version})
    assert saved.status_code == 302

    refused = second.post(
        url, {"assistance_policy": "病状の安定を優先する。", "cautions": "犬がいる。", "version": second_version}
    )
    assert refused.status_code == 200
    form = refused.context["form"]
    said = " ".join(form.non_field_errors())
    assert "他の人" in said and "保存していません" in said
    assert "援助方針「就労支援を優先する。」" in said
    assert "就労支援を優先する。" in " ".join(form.errors["assistance_policy"])
    assert "留意事項" not in said  # nobody else changed it
    household.refresh_from_db()
    assert household.assistance_policy == "就労支援を優先する。" and household.cautions == ""


def test_the_refused_form_keeps_what_was_typed_and_saving_it_again_overwrites_deliberately(cast):
    household = cast.households["own"]
    url, (first, first_version), (second, second_version) = always_know(cast, household)
    first.post(url, {"assistance_policy": "就労支援を優先する。", "cautions": "", "version": first_version})
    refused = second.post(
        url, {"assistance_policy": "病状の安定を優先する。", "cautions": "", "version": second_version}
    )
    form = refused.context["form"]
    assert form["assistance_policy"].value() == "病状の安定を優先する。"

    again = second.post(
        url, {"assistance_policy": "病状の安定を優先する。", "cautions": "", "version": form["version"].value()}
    )
    assert again.status_code == 302
    household.refresh_from_db()
    assert household.assistance_policy == "病状の安定を優先する。"


def test_a_change_to_something_the_form_does_not_show_does_not_refuse_it(cast):
    household = cast.households["own"]
    url = reverse("always_know_edit", args=[household.public_id])
    client, version = opened(cast.users["cw"], url)
    Household.objects.filter(pk=household.pk).update(rent=42_000)  # e.g. a 家賃 change recorded elsewhere
    saved = client.post(url, {"assistance_policy": "就労支援を優先する。", "cautions": "", "version": version})
    assert saved.status_code == 302
    household.refresh_from_db()
    assert household.assistance_policy == "就労支援を優先する。" and household.rent == 42_000


def test_two_people_who_type_the_same_do_not_conflict(cast):
    household = cast.households["own"]
    url, (first, first_version), (second, second_version) = always_know(cast, household)
    same = {"assistance_policy": "就労支援を優先する。", "cautions": ""}
    assert first.post(url, {**same, "version": first_version}).status_code == 302
    assert second.post(url, {**same, "version": second_version}).status_code == 302


def test_the_later_submit_of_an_earlier_loaded_check_facts_form_is_refused_naming_the_member_and_field(cast):
    household = cast.households["own"]
    head = household.members.get()
    url = reverse("check_facts_edit", args=[household.public_id])
    (first, first_version), (second, second_version) = opened(cast.users["cw"], url), opened(cast.users["sv"], url)

    def data(version, **member):
        return {
            "residence": "home",
            "visit_grade": "",
            f"{head.public_id}__medical_care": member.get("medical_care", ""),
            f"{head.public_id}__care_certified_until": "",
            f"{head.public_id}__disability_certificate_until": "",
            "version": version,
        }

    assert first.post(url, data(first_version, medical_care="inpatient")).status_code == 302
    refused = second.post(url, data(second_version, medical_care="outpatient"))
    assert refused.status_code == 200
    said = " ".join(refused.context["form"].non_field_errors())
    assert f"{head.name}の医療扶助「入院」" in said
    head.refresh_from_db()
    assert head.medical_care == "inpatient"


def test_a_save_between_reading_and_writing_is_refused_too(cast):
    """The service writes only if the row's version is the one it read (a conditional UPDATE)."""
    household = cast.households["own"]
    stale = Household.objects.get(pk=household.pk)
    services.update_always_know(cast.users["cw"], household, assistance_policy="先の保存", cautions="")
    stale.assistance_policy = "後の保存"
    with pytest.raises(ValidationError, match="他の人"):
        versions.save_fields(stale, ["assistance_policy"])
    household.refresh_from_db()
    assert household.assistance_policy == "先の保存" and household.version == stale.version + 1
