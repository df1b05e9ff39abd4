//! A small convolutional network over a tile's pixels, trained with candle on the CPU.
//!
//! Four 3×3 convolutions (16, 32, 32, 32 channels), the first with stride 2 (64 → 32), each
//! followed by ReLU and, for the first three, a 2×2 max-pool (32 → 16 → 8 → 4), then the mean over
//! the 4×4 map and one linear unit: the tile's logit. About 24 k weights (≈ 100 KB), ~4 MFLOP a
//! tile. Trained with AdamW on the numerically stable
//! binary cross-entropy with logits; weights start from a seeded draw and batches come in a seeded
//! order, so the same data and seed train the same network (on the same CPU kind: float sums may
//! round differently under other SIMD widths).

use candle_core::{DType, Device, Module, Tensor, D};
use candle_nn::{conv2d, linear, Conv2d, Conv2dConfig, Linear, Optimizer, VarBuilder, VarMap};
use image::GrayImage;
use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::TrainError;
use crate::prepare::TILE;

/// How to train the network.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize, PartialEq)]
pub struct CnnConfig {
    pub epochs: usize,
    pub batch: usize,
    pub learning_rate: f64,
    pub weight_decay: f64,
    pub seed: u64,
}

impl Default for CnnConfig {
    fn default() -> Self {
        CnnConfig {
            epochs: 5,
            batch: 64,
            learning_rate: 3e-3,
            weight_decay: 1e-4,
            seed: 2025,
        }
    }
}

struct Net {
    convs: Vec<Conv2d>,
    head: Linear,
}

impl Net {
    fn new(vb: VarBuilder) -> candle_core::Result<Net> {
        let cfg = Conv2dConfig {
            padding: 1,
            ..Default::default()
        };
        let channels = [1, 16, 32, 32, 32];
        let convs = (0..4)
            .map(|i| {
                conv2d(
                    channels[i],
                    channels[i + 1],
                    3,
                    cfg,
                    vb.pp(format!("conv{i}")),
                )
            })
            .collect::<candle_core::Result<Vec<_>>>()?;
        Ok(Net {
            convs,
            head: linear(32, 1, vb.pp("head"))?,
        })
    }

    /// Logits, one per tile, of a batch N×1×64×64.
    fn forward(&self, x: &Tensor) -> candle_core::Result<Tensor> {
        let mut x = x.clone();
        for (i, conv) in self.convs.iter().enumerate() {
            x = conv.forward(&x)?.relu()?;
            if i < 3 {
                x = x.max_pool2d(2)?;
            }
        }
        let pooled = x.mean(D::Minus1)?.mean(D::Minus1)?;
        self.head.forward(&pooled)?.squeeze(1)
    }
}

/// A trained network.
pub struct Cnn {
    varmap: VarMap,
    net: Net,
}

fn candle(e: candle_core::Error) -> TrainError {
    TrainError::Fit(e.to_string())
}

/// Tiles as a batch: ink 1, paper 0.
fn batch(tiles: &[&GrayImage]) -> candle_core::Result<Tensor> {
    let side = TILE as usize;
    let mut data = Vec::with_capacity(tiles.len() * side * side);
    for t in tiles {
        data.extend(t.as_raw().iter().map(|&p| (255 - p) as f32 / 255.0));
    }
    Tensor::from_vec(data, (tiles.len(), 1, side, side), &Device::Cpu)
}

/// Binary cross-entropy on logits, written so that large logits do not overflow:
/// max(x, 0) − x·y + ln(1 + e^(−|x|)).
fn loss(logits: &Tensor, targets: &Tensor) -> candle_core::Result<Tensor> {
    let softplus = (logits.abs()?.neg()?.exp()? + 1.0)?.log()?;
    (logits.relu()? - (logits * targets)? + softplus)?.mean_all()
}

impl Cnn {
    fn empty(seed: u64) -> Result<Cnn, TrainError> {
        let varmap = VarMap::new();
        let vb = VarBuilder::from_varmap(&varmap, DType::F32, &Device::Cpu);
        let net = Net::new(vb).map_err(candle)?;
        // candle's CPU initialiser cannot be seeded: draw every weight again from our own seed
        // (He-uniform for weights, zero biases)
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let data = varmap
            .data()
            .lock()
            .map_err(|_| TrainError::Fit("poisoned".into()))?;
        let mut names: Vec<&String> = data.keys().collect();
        names.sort();
        for name in names {
            let var = &data[name];
            let dims = var.dims().to_vec();
            let n: usize = dims.iter().product();
            let values: Vec<f32> = if name.ends_with("bias") {
                vec![0.0; n]
            } else {
                let fan_in = (n / dims[0].max(1)).max(1) as f32;
                let bound = (6.0 / fan_in).sqrt();
                (0..n).map(|_| rng.random_range(-bound..bound)).collect()
            };
            let t = Tensor::from_vec(values, dims, &Device::Cpu).map_err(candle)?;
            var.set(&t).map_err(candle)?;
        }
        drop(data);
        Ok(Cnn { varmap, net })
    }

    /// Train on `tiles` with labels `ys` (true: handwritten); `progress(epoch, batch, batches)`
    /// is called after every batch and stops the training when it returns false.
    pub fn train(
        tiles: &[&GrayImage],
        ys: &[bool],
        config: &CnnConfig,
        progress: &mut dyn FnMut(usize, usize, usize) -> bool,
    ) -> Result<Cnn, TrainError> {
        if tiles.len() != ys.len() || tiles.is_empty() {
            return Err(TrainError::NoData);
        }
        if !ys.contains(&true) || !ys.contains(&false) {
            return Err(TrainError::OneClass);
        }
        let cnn = Cnn::empty(config.seed)?;
        let params = candle_nn::ParamsAdamW {
            lr: config.learning_rate,
            weight_decay: config.weight_decay,
            ..Default::default()
        };
        let mut opt = candle_nn::AdamW::new(cnn.varmap.all_vars(), params).map_err(candle)?;
        let mut rng = ChaCha8Rng::seed_from_u64(config.seed ^ 0xBA7C);
        let mut order: Vec<usize> = (0..tiles.len()).collect();
        let size = config.batch.max(1);
        let batches = tiles.len().div_ceil(size);
        for epoch in 0..config.epochs {
            order.shuffle(&mut rng);
            for (b, chunk) in order.chunks(size).enumerate() {
                let x: Vec<&GrayImage> = chunk.iter().map(|&i| tiles[i]).collect();
                let y: Vec<f32> = chunk.iter().map(|&i| ys[i] as u8 as f32).collect();
                let x = batch(&x).map_err(candle)?;
                let y = Tensor::from_vec(y, chunk.len(), &Device::Cpu).map_err(candle)?;
                let l = loss(&cnn.net.forward(&x).map_err(candle)?, &y).map_err(candle)?;
                opt.backward_step(&l).map_err(candle)?;
                if !progress(epoch, b + 1, batches) {
                    return Err(TrainError::Cancelled);
                }
            }
        }
        Ok(cnn)
    }

    /// The logit of each tile (positive leans handwritten).
    pub fn scores(&self, tiles: &[&GrayImage]) -> Result<Vec<f32>, TrainError> {
        let mut out = Vec::with_capacity(tiles.len());
        for chunk in tiles.chunks(128) {
            let x = batch(chunk).map_err(candle)?;
            out.extend(
                self.net
                    .forward(&x)
                    .map_err(candle)?
                    .to_vec1::<f32>()
                    .map_err(candle)?,
            );
        }
        Ok(out)
    }

    /// The weights as safetensors bytes.
    pub fn to_bytes(&self) -> Result<Vec<u8>, TrainError> {
        let data = self
            .varmap
            .data()
            .lock()
            .map_err(|_| TrainError::Fit("poisoned".into()))?;
        let tensors: Vec<(String, Tensor)> = data
            .iter()
            .map(|(k, v)| (k.clone(), v.as_tensor().clone()))
            .collect();
        drop(data);
        let mut sorted = tensors;
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        let views: Vec<(&str, &Tensor)> = sorted.iter().map(|(k, t)| (k.as_str(), t)).collect();
        safetensors::serialize(views, None).map_err(|e| TrainError::Fit(e.to_string()))
    }

    /// A network from [`Cnn::to_bytes`]' output.
    pub fn from_bytes(bytes: &[u8]) -> Result<Cnn, TrainError> {
        let tensors = candle_core::safetensors::load_buffer(bytes, &Device::Cpu).map_err(candle)?;
        let cnn = Cnn::empty(0)?;
        let data = cnn
            .varmap
            .data()
            .lock()
            .map_err(|_| TrainError::Fit("poisoned".into()))?;
        for (name, var) in data.iter() {
            let t = tensors
                .get(name)
                .ok_or_else(|| TrainError::Fit(format!("the network file has no {name}")))?;
            var.set(t).map_err(candle)?;
        }
        drop(data);
        Ok(cnn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Luma;

    /// Vertical bars (label true) against horizontal bars.
    fn bars() -> (Vec<GrayImage>, Vec<bool>) {
        let mut tiles = Vec::new();
        let mut ys = Vec::new();
        for i in 0..64u32 {
            let vertical = i % 2 == 0;
            let offset = i % 7;
            tiles.push(GrayImage::from_fn(TILE, TILE, |x, y| {
                let c = if vertical { x } else { y };
                Luma([if (c + offset) % 9 < 3 { 0 } else { 255 }])
            }));
            ys.push(vertical);
        }
        (tiles, ys)
    }

    #[test]
    fn it_learns_bars_round_trips_and_is_deterministic() {
        let (tiles, ys) = bars();
        let refs: Vec<&GrayImage> = tiles.iter().collect();
        let config = CnnConfig {
            epochs: 8,
            batch: 16,
            ..Default::default()
        };
        let cnn = Cnn::train(&refs, &ys, &config, &mut |_, _, _| true).unwrap();
        let scores = cnn.scores(&refs).unwrap();
        let right = scores
            .iter()
            .zip(&ys)
            .filter(|(s, y)| (**s > 0.0) == **y)
            .count();
        assert!(right >= 60, "{right}/64");
        let again = Cnn::from_bytes(&cnn.to_bytes().unwrap()).unwrap();
        assert_eq!(again.scores(&refs).unwrap(), scores);
        let twin = Cnn::train(&refs, &ys, &config, &mut |_, _, _| true).unwrap();
        assert_eq!(twin.to_bytes().unwrap(), cnn.to_bytes().unwrap());
    }

    #[test]
    fn training_can_be_cancelled() {
        let (tiles, ys) = bars();
        let refs: Vec<&GrayImage> = tiles.iter().collect();
        let mut calls = 0;
        let r = Cnn::train(&refs, &ys, &CnnConfig::default(), &mut |_, _, _| {
            calls += 1;
            calls < 2
        });
        assert!(matches!(r, Err(TrainError::Cancelled)));
        assert_eq!(calls, 2);
    }
}
