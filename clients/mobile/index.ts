import { registerRootComponent } from "expo";

import "./src/background";
import App from "./src/App";

registerRootComponent(App);
