import pytest
from django.contrib.auth.models import Group

from iomsite.editorial.roles import EDITOR, PUBLISHER, sync_roles


@pytest.fixture
def roles(db):
    # The data migration made them; a test that flushed the database would not
    # have them any more.
    sync_roles()


def staff_member(django_user_model, username, role):
    user = django_user_model.objects.create_user(
        username, password="not-used-here", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def editor(roles, django_user_model):
    return staff_member(django_user_model, "eva-editor", EDITOR)


@pytest.fixture
def publisher(roles, django_user_model):
    return staff_member(django_user_model, "pablo-publisher", PUBLISHER)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client
