import pytest

from graph.errors import SettingsError
from graph.settings import SETTINGS_HELP, Settings, load_settings


def test_settings_default_to_local_server(tmp_path):
    s = load_settings({"TIPGRAPH_HOME": str(tmp_path)})
    assert s.uses_local_server and s.database == "tipgraph" and s.home == tmp_path


def test_settings_environment_beats_config_file(tmp_path):
    (tmp_path / "config.toml").write_text('neo4j_uri = "bolt://file:7687"\nquery_timeout_s = 5\n')
    s = load_settings({"TIPGRAPH_HOME": str(tmp_path), "NEO4J_URI": "neo4j://env:7687"})
    assert s.neo4j_uri == "neo4j://env:7687"
    assert s.query_timeout_s == 5.0
    assert s.database == "neo4j"


def test_settings_password_from_file_and_never_in_repr(tmp_path):
    secret = tmp_path / "pw"
    secret.write_text("s3cret-value\n")
    s = load_settings({"TIPGRAPH_HOME": str(tmp_path), "NEO4J_URI": "bolt://x:1", "NEO4J_PASSWORD_FILE": str(secret)})
    assert s.neo4j_password == "s3cret-value"
    assert "s3cret" not in repr(s)


def test_settings_refuse_password_in_config_file(tmp_path):
    (tmp_path / "config.toml").write_text('neo4j_password = "x"\n')
    with pytest.raises(SettingsError, match="neo4j_password_file"):
        load_settings({"TIPGRAPH_HOME": str(tmp_path)})


def test_settings_name_unknown_keys_and_bad_values(tmp_path):
    (tmp_path / "config.toml").write_text('neo4j_url = "x"\n')
    with pytest.raises(SettingsError, match="neo4j_url"):
        load_settings({"TIPGRAPH_HOME": str(tmp_path)})
    with pytest.raises(SettingsError, match="batch_size"):
        load_settings({"TIPGRAPH_HOME": str(tmp_path / "other"), "TIPGRAPH_BATCH_SIZE": "many"})


def test_settings_every_field_has_env_var_and_help():
    from dataclasses import fields

    assert {f.name for f in fields(Settings)} == set(SETTINGS_HELP)
