// Demo problems written for Fieldwork (not copied from any source): short QFT exercises with
// solutions, using the demo source's macros. One seed has deliberately broken LaTeX so the
// inline error display can be seen (and tested).
export const DEMO_SOURCE = {
  identifier: "fieldwork-demo-qft",
  kind: "COURSE" as const,
  title: "Fieldwork demo problem set (QFT)",
  authors: ["Fieldwork team"],
  license: "CC-BY-4.0",
  macros: {
    "\\dd": "\\mathrm{d}",
    "\\Tr": "\\operatorname{Tr}",
    "\\slashed": "\\not{#1}",
    "\\ket": "\\left|#1\\right\\rangle",
  },
};

export type DemoSeed = { title: string; location: string; problem: string; solution: string };

export const BROKEN_DEMO_TITLE = "Propagator pole (broken LaTeX)";

export const DEMO_SEEDS: DemoSeed[] = [
  {
    title: "One-loop beta function of phi^4",
    location: "Problem 1",
    problem: String.raw`Consider a real scalar field with interaction $\mathcal{L}_{\text{int}} = -\frac{\lambda}{4!}\phi^4$ in four dimensions.
Using dimensional regularisation and minimal subtraction, compute the one-loop beta function $\beta(\lambda) = \mu \frac{\dd\lambda}{\dd\mu}$.`,
    solution: String.raw`The one-loop correction to the four-point function comes from the $s$, $t$ and $u$ channel bubbles, each giving $\frac{\lambda^2}{32\pi^2}\frac{1}{\epsilon}$.
The counterterm is $\delta_\lambda = \frac{3\lambda^2}{32\pi^2\epsilon}$, hence
\[ \beta(\lambda) = \frac{3\lambda^2}{16\pi^2} + \mathcal{O}(\lambda^3). \]`,
  },
  {
    title: "QED beta function",
    location: "Problem 2",
    problem: String.raw`In QED with one Dirac fermion of charge $e$, the vacuum polarisation at one loop is
\[ \Pi(q^2) = -\frac{e^2}{2\pi^2}\int_0^1 \dd x\, x(1-x)\log\frac{\Lambda^2}{m^2 - x(1-x)q^2}. \]
Find the one-loop beta function $\beta(e)$.`,
    solution: String.raw`Differentiating the $\log\Lambda^2$ term gives $\mu\,\partial_\mu \Pi = -\frac{e^2}{6\pi^2}$, so
\[ \beta(e) = \frac{e^3}{12\pi^2}. \]`,
  },
  {
    title: "Trace of gamma matrices",
    location: "Problem 3",
    problem: String.raw`Using the Clifford algebra $\{\gamma^\mu,\gamma^\nu\} = 2\eta^{\mu\nu}$ with $\Tr\,\mathbb{1} = 4$, evaluate
$\Tr\left(\slashed{p}\,\slashed{q}\right)$ and $\Tr\left(\gamma^\mu\gamma^\nu\gamma^\rho\gamma^\sigma\right)$.`,
    solution: String.raw`\begin{align}
\Tr(\slashed{p}\slashed{q}) &= 4\,p\cdot q, \\
\Tr(\gamma^\mu\gamma^\nu\gamma^\rho\gamma^\sigma) &= 4\left(\eta^{\mu\nu}\eta^{\rho\sigma} - \eta^{\mu\rho}\eta^{\nu\sigma} + \eta^{\mu\sigma}\eta^{\nu\rho}\right).
\end{align}`,
  },
  {
    title: "Harmonic oscillator zero-point energy",
    location: "Problem 4",
    problem: String.raw`A free real scalar field in a box of volume $V$ is a collection of oscillators of frequency $\omega_{\mathbf k} = \sqrt{\mathbf k^2 + m^2}$.
Determine the vacuum energy density with a sharp momentum cutoff $|\mathbf k| < \Lambda$ for $\Lambda \gg m$, to leading order in $\Lambda$.`,
    solution: String.raw`$E_0/V = \int \frac{\dd^3k}{(2\pi)^3}\frac{\omega_{\mathbf k}}{2} \approx \frac{1}{4\pi^2}\int_0^\Lambda k^3\,\dd k = \frac{\Lambda^4}{16\pi^2}$.`,
  },
  {
    title: "Compton scattering threshold",
    location: "Problem 5",
    problem: String.raw`A photon of energy $\omega$ scatters off an electron at rest. Find the energy $\omega'$ of the photon scattered at angle $\theta$.
\emph{Conventions:} natural units $\hbar = c = 1$; the electron mass is $m$.`,
    solution: String.raw`Four-momentum conservation gives $\frac{1}{\omega'} - \frac{1}{\omega} = \frac{1 - \cos\theta}{m}$, so
\[ \omega' = \frac{\omega}{1 + \frac{\omega}{m}(1-\cos\theta)}. \]`,
  },
  {
    title: "Yukawa potential",
    location: "Problem 6",
    problem: String.raw`Two heavy fermions exchange a scalar of mass $m$ with Yukawa coupling $g$.
Find the non-relativistic potential $V(r)$ between them.`,
    solution: String.raw`The Fourier transform of the propagator $-\frac{g^2}{|\mathbf q|^2 + m^2}$ gives $V(r) = -\frac{g^2}{4\pi r}e^{-mr}$.`,
  },
  {
    title: "Decay rate of a scalar",
    location: "Problem 7",
    problem: String.raw`A scalar $\Phi$ of mass $M$ couples to a lighter scalar $\phi$ of mass $m$ through $\mathcal{L}_{\text{int}} = -\frac{\mu}{2}\Phi\phi^2$.
Compute the decay width $\Gamma(\Phi\to\phi\phi)$ at tree level.`,
    solution: String.raw`The amplitude is $\mathcal{M} = -\mu$. With a symmetry factor $\frac12$ for identical particles,
\[ \Gamma = \frac{\mu^2}{32\pi M}\sqrt{1 - \frac{4m^2}{M^2}}. \]`,
  },
  {
    title: "Casimir energy in one dimension",
    location: "Problem 8",
    problem: String.raw`A massless scalar lives on an interval of length $L$ with Dirichlet boundary conditions.
Using zeta-function regularisation, find the Casimir energy $E(L)$.
\begin{enumerate}
  \item Write the mode frequencies $\omega_n$.
  \item Regularise $\frac12\sum_n \omega_n$ with $\zeta(-1) = -\frac{1}{12}$.
\end{enumerate}`,
    solution: String.raw`$\omega_n = \frac{n\pi}{L}$, so $E = \frac{\pi}{2L}\sum_{n\ge1} n = \frac{\pi}{2L}\zeta(-1) = -\frac{\pi}{24L}$.`,
  },
  {
    title: "Anomalous dimension at one loop",
    location: "Problem 9",
    problem: String.raw`In Yukawa theory $\mathcal{L} \supset -g\,\phi\bar\psi\psi$, the one-loop fermion self-energy has the divergent part
$\Sigma(\slashed{p}) \supset \frac{g^2}{32\pi^2\epsilon}\slashed{p}$. Find the fermion anomalous dimension $\gamma_\psi$.`,
    solution: String.raw`$\delta_\psi = -\frac{g^2}{32\pi^2\epsilon}$ and $\gamma_\psi = \frac12\mu\partial_\mu\delta_\psi = \frac{g^2}{32\pi^2}$.`,
  },
  {
    title: "Coherent state expectation",
    location: "Problem 10",
    problem: String.raw`For a single mode with $[a, a^\dagger] = 1$, the coherent state $\ket{\alpha}$ satisfies $a\ket{\alpha} = \alpha\ket{\alpha}$.
Compute $\langle\alpha|a^\dagger a|\alpha\rangle$ and the variance of the number operator.`,
    solution: String.raw`$\langle N\rangle = |\alpha|^2$ and $\langle N^2\rangle - \langle N\rangle^2 = |\alpha|^2$ (Poissonian statistics).`,
  },
  {
    title: BROKEN_DEMO_TITLE,
    location: "Problem 11",
    problem: String.raw`The Feynman propagator of a free scalar is
$D_F(p) = \frac{i}{p^2 - m^2 + i\epsilon$.
Find the position of its poles in the complex $p^0$ plane.`,
    solution: String.raw`The poles sit at $p^0 = \pm\left(\sqrt{\mathbf p^2 + m^2} - i\epsilon'\right)$.`,
  },
];
