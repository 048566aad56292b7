//! Builds a [`Service`] from a botocore JSON model at run time, for models that are not
//! generated into the app: the engine's tests use it to prove that nothing in the core
//! depends on one service. The values are leaked to get the `'static` lifetime the generated
//! statics have; a test builds a handful of small models, so that costs nothing.

use std::collections::HashMap;

use serde_json::Value;

use super::{Member, Metadata, Operation, Range, Service, Shape, ShapeKind, Text, kebab};

impl Service {
    /// Reads a botocore `service-2.json` of protocol `json`; `paginated` names the operations
    /// its `paginators-1.json` lists. Recursive shapes are refused.
    pub fn from_json(model: &str, paginated: &[&str]) -> Result<&'static Service, String> {
        let model: Value = serde_json::from_str(model).map_err(|e| e.to_string())?;
        let meta = &model["metadata"];
        if meta["protocol"] != "json" {
            return Err("only JSON-RPC models are supported".to_owned());
        }
        let text = |value: &Value, what: &str| -> Result<&'static str, String> {
            value
                .as_str()
                .map(leak)
                .ok_or_else(|| format!("the model has no {what}"))
        };
        let shapes = model["shapes"]
            .as_object()
            .ok_or("the model has no shapes")?;
        let mut built = Builder {
            shapes,
            done: HashMap::new(),
            open: Vec::new(),
        };
        let endpoint_prefix = text(&meta["endpointPrefix"], "endpointPrefix")?;
        let metadata: &'static Metadata = Box::leak(Box::new(Metadata {
            cli_name: endpoint_prefix,
            service_id: meta["serviceId"].as_str().map_or(endpoint_prefix, leak),
            api_version: text(&meta["apiVersion"], "apiVersion")?,
            target_prefix: text(&meta["targetPrefix"], "targetPrefix")?,
            json_version: text(&meta["jsonVersion"], "jsonVersion")?,
            signing_name: meta["signingName"].as_str().map_or(endpoint_prefix, leak),
            endpoint_prefix,
            deprecated: model["deprecated"] == true,
        }));
        let mut operations = Vec::new();
        for (name, op) in model["operations"]
            .as_object()
            .ok_or("the model has no operations")?
        {
            let mut shape = |key: &str| match op[key]["shape"].as_str() {
                Some(name) => built.shape(name).map(Some),
                None => Ok(None),
            };
            let (input, output) = (shape("input")?, shape("output")?);
            operations.push(&*Box::leak(Box::new(Operation {
                metadata,
                name: leak(name),
                cli_name: leak(&kebab(name)),
                input,
                output,
                paginated: paginated.contains(&name.as_str()),
            })));
        }
        Ok(Box::leak(Box::new(Service {
            metadata,
            operations: Vec::leak(operations),
        })))
    }
}

/// Builds each shape once, after the shapes it refers to.
struct Builder<'a> {
    shapes: &'a serde_json::Map<String, Value>,
    done: HashMap<String, &'static Shape>,
    /// The shapes being built, to refuse recursion.
    open: Vec<String>,
}

impl Builder<'_> {
    fn shape(&mut self, name: &str) -> Result<&'static Shape, String> {
        if let Some(shape) = self.done.get(name) {
            return Ok(shape);
        }
        if self.open.iter().any(|open| open == name) {
            return Err(format!("shape {name} is recursive"));
        }
        let def = self
            .shapes
            .get(name)
            .ok_or_else(|| format!("shape {name} is missing"))?;
        self.open.push(name.to_owned());
        let int = |key: &str| def[key].as_i64();
        let mut refer = |key: &str| match def[key]["shape"].as_str() {
            Some(target) => self.shape(target),
            None => Err(format!("shape {name} has no {key}")),
        };
        let kind = match def["type"].as_str().unwrap_or_default() {
            "string" => ShapeKind::String(Text {
                min: int("min"),
                max: int("max"),
                pattern: def["pattern"].as_str().map(leak),
                values: Vec::leak(
                    def["enum"]
                        .as_array()
                        .map(|v| v.iter().filter_map(Value::as_str).map(leak).collect())
                        .unwrap_or_default(),
                ),
            }),
            "integer" => ShapeKind::Integer(Range {
                min: int("min"),
                max: int("max"),
            }),
            "long" => ShapeKind::Long(Range {
                min: int("min"),
                max: int("max"),
            }),
            "boolean" => ShapeKind::Boolean,
            "timestamp" => ShapeKind::Timestamp,
            "blob" => ShapeKind::Blob,
            "float" => ShapeKind::Float,
            "double" => ShapeKind::Double,
            "list" => ShapeKind::List(refer("member")?),
            "map" => {
                let key = refer("key")?;
                ShapeKind::Map(key, refer("value")?)
            }
            "structure" => {
                let required: Vec<&str> = def["required"]
                    .as_array()
                    .map(|r| r.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                let mut members = Vec::new();
                for (member, reference) in def["members"].as_object().into_iter().flatten() {
                    let target = reference["shape"]
                        .as_str()
                        .ok_or_else(|| format!("member {name}.{member} has no shape"))?;
                    members.push(Member {
                        name: leak(member),
                        flag: leak(&kebab(member)),
                        shape: self.shape(target)?,
                        required: required.contains(&member.as_str()),
                    });
                }
                ShapeKind::Structure(Vec::leak(members))
            }
            other => return Err(format!("shape {name} has type {other:?}")),
        };
        self.open.pop();
        let shape: &'static Shape = Box::leak(Box::new(Shape {
            name: leak(name),
            kind,
        }));
        self.done.insert(name.to_owned(), shape);
        Ok(shape)
    }
}

fn leak(text: &str) -> &'static str {
    String::leak(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::sms;

    #[test]
    fn kebab_spells_every_sms_name_as_botocore_does() {
        for op in sms::SERVICE.operations {
            assert_eq!(kebab(op.name), op.cli_name);
            for member in op.members() {
                assert_eq!(kebab(member.name), member.flag);
            }
        }
        assert_eq!(kebab("EC2KeyName"), "ec2-key-name");
        assert_eq!(kebab("VPC"), "vpc");
    }

    /// A small JSON-1.1 model of an invented service, written for the tests.
    const GARDEN: &str = r#"{
        "metadata": {"protocol": "json", "jsonVersion": "1.0", "apiVersion": "2030-01-01",
            "endpointPrefix": "garden", "targetPrefix": "Garden_20300101", "serviceId": "Garden"},
        "operations": {
            "PlantBeds": {"name": "PlantBeds", "http": {"method": "POST", "requestUri": "/"},
                "input": {"shape": "PlantBedsRequest"}, "output": {"shape": "Empty"}},
            "Ping": {"name": "Ping", "http": {"method": "POST", "requestUri": "/"}}
        },
        "shapes": {
            "PlantBedsRequest": {"type": "structure", "required": ["gardenId"], "members": {
                "gardenId": {"shape": "Id"}, "beds": {"shape": "Beds"},
                "labels": {"shape": "Labels"}}},
            "Beds": {"type": "list", "member": {"shape": "Bed"}},
            "Bed": {"type": "structure", "members": {"rows": {"shape": "Rows"},
                "sowOn": {"shape": "Day"}, "crop": {"shape": "Crop"}}},
            "Rows": {"type": "integer", "min": 1, "max": 40},
            "Day": {"type": "timestamp"},
            "Crop": {"type": "string", "enum": ["KALE", "LEEK"]},
            "Id": {"type": "string", "min": 3, "pattern": "^g-[0-9]+$"},
            "Labels": {"type": "map", "key": {"shape": "Id"}, "value": {"shape": "Id"}},
            "Empty": {"type": "structure", "members": {}}
        }
    }"#;

    #[test]
    fn builds_any_json_rpc_model() {
        let garden = Service::from_json(GARDEN, &["PlantBeds"]).unwrap();
        assert_eq!(garden.metadata.target_prefix, "Garden_20300101");
        let plant = garden.operation("plant-beds").unwrap();
        assert!(plant.paginated);
        let names: Vec<_> = plant
            .members()
            .iter()
            .map(|m| (m.flag, m.required))
            .collect();
        assert_eq!(
            names,
            [("garden-id", true), ("beds", false), ("labels", false)]
        );
        let ShapeKind::List(bed) = plant.members()[1].shape.kind else {
            panic!("a list")
        };
        let crop = &bed.members()[2];
        assert_eq!(crop.shape.values(), ["KALE", "LEEK"]);
        assert!(matches!(
            bed.members()[0].shape.kind,
            ShapeKind::Integer(Range {
                min: Some(1),
                max: Some(40)
            })
        ));
        // The shared shape is built once.
        let ShapeKind::Map(key, value) = plant.members()[2].shape.kind else {
            panic!("a map")
        };
        assert!(std::ptr::eq(key, value) && std::ptr::eq(key, plant.members()[0].shape));
        let ping = garden.operation("ping").unwrap();
        assert!(ping.input.is_none() && ping.members().is_empty());
    }

    #[test]
    fn the_engine_renders_an_operation_of_another_service() {
        use crate::core::call::{self, Call};
        use crate::core::render::Shell;
        let garden = Service::from_json(GARDEN, &["PlantBeds"]).unwrap();
        let plant = garden.operation("plant-beds").unwrap();
        let (call, problems) = Call::from_json(
            plant,
            r#"{"beds": [{"crop": "KALE", "rows": 3, "sowOn": "2030-04-01"}, {}],
                "gardenId": "g-1"}"#,
        );
        assert_eq!(problems, []);
        assert_eq!(call.check(), []);
        assert_eq!(
            call.body(),
            r#"{"gardenId": "g-1", "beds": [{"rows": 3, "sowOn": 1901232000, "crop": "KALE"}, {}]}"#
        );
        assert_eq!(call.target(), "Garden_20300101.PlantBeds");
        assert_eq!(
            call.http_request().header("Content-Type"),
            Some("application/x-amz-json-1.0")
        );
        assert_eq!(
            call.bash(),
            "aws garden plant-beds \\\n    --garden-id g-1 \\\n    --beds '[{\"rows\": 3, \"sowOn\": \"2030-04-01T00:00:00Z\", \"crop\": \"KALE\"}, {}]'\n"
        );
        assert!(
            call.yaml_document()
                .starts_with("gardenId: g-1\nbeds:\n- rows: 3\n")
        );
        assert!(
            call.command(Shell::PowerShell)
                .contains("file://plant-beds.json")
        );
        assert!(call::skeleton_input(plant).contains("\"crop\": \"KALE\""));
        assert!(
            call::sdk::python(&call, None)
                .contains("client = boto3.client(\"garden\")\nresponse = client.plant_beds(")
        );
        assert!(call::sdk::javascript(&call, None).contains(
            "import { PlantBedsCommand, GardenClient } from \"@aws-sdk/client-garden\";"
        ));
        let rust = call::sdk::rust(&call, None);
        assert!(
            rust.contains("use aws_sdk_garden::types::{Bed, Crop};")
                && rust.contains(".crop(Crop::from(\"KALE\"))"),
            "{rust}"
        );
        // The one kind the app's models never use is refused plainly.
        let (_, problems) = Call::from_json(plant, r#"{"gardenId": "g-1", "labels": {}}"#);
        assert_eq!(
            problems[0].message,
            "Maps are not supported by this tool yet."
        );
        let (missing, _) = Call::from_json(plant, "{}");
        assert_eq!(
            missing.check()[0].message,
            "The member \"gardenId\" is required."
        );
    }

    #[test]
    fn refuses_what_it_cannot_hold() {
        let recursive = r#"{"metadata": {"protocol": "json", "endpointPrefix": "x",
            "apiVersion": "1", "targetPrefix": "X", "jsonVersion": "1.1"},
            "operations": {"Op": {"name": "Op", "input": {"shape": "A"}}},
            "shapes": {"A": {"type": "structure", "members": {"a": {"shape": "A"}}}}}"#;
        assert_eq!(
            Service::from_json(recursive, &[]).unwrap_err(),
            "shape A is recursive"
        );
        assert!(Service::from_json(r#"{"metadata": {"protocol": "rest-json"}}"#, &[]).is_err());
    }
}
